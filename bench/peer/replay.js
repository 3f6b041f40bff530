// The peer of bench/run: replays a TapStack plan (./tap plan STACK --json FILE) as a Pulumi Node.js program
// under the Node SDK's mocks. It registers the same resources (types, names, parents, inputs) through the
// @pulumi/aws classes, so the comparison is between the two SDKs' engines, not between two programs.
// Usage: node replay.js PLAN.json
"use strict";
const fs = require("fs");
const pulumi = require("@pulumi/pulumi");

pulumi.runtime.setMocks({
    newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
    call: (args) => args.inputs,
}, "tap", "bench", false);

const aws = require("@pulumi/aws");
const deployment = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).deployment;

/** The @pulumi/aws class of a type token such as aws:ec2/vpc:Vpc, or undefined. */
function awsClass(type) {
    const match = /^aws:([A-Za-z0-9]+)\/[A-Za-z0-9]+:([A-Za-z0-9]+)$/.exec(type);
    return match && aws[match[1]] ? aws[match[1]][match[2]] : undefined;
}

const created = new Map();
const urns = [];
for (const resource of deployment.resources) {
    if (resource.type.startsWith("pulumi:")) {
        continue; // the stack and the default providers: the SDK creates its own
    }
    const name = resource.urn.substring(resource.urn.lastIndexOf("::") + 2);
    const parent = created.get(resource.parent);
    const options = parent ? { parent } : {};
    let instance;
    if (!resource.custom) {
        instance = new pulumi.ComponentResource(resource.type, name, {}, options);
    } else {
        const Type = awsClass(resource.type);
        instance = Type ? new Type(name, resource.inputs || {}, options)
            : new pulumi.CustomResource(resource.type, name, resource.inputs || {}, options);
    }
    created.set(resource.urn, instance);
    urns.push(instance.urn);
}

pulumi.all(urns).apply((all) => {
    process.stdout.write(`${all.length} resources registered\n`);
});
