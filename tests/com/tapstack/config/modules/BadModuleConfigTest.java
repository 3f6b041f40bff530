package com.tapstack.config.modules;

import static com.tapstack.support.BrokenConfig.broken;

import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Reference;
import com.tapstack.support.StackValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken module block of Pulumi.prod.yaml ends in exactly one message naming the key, value and what is allowed. */
class BadModuleConfigTest {

    private static final String USABLE_RULE_GROUPS = "AWSManagedRulesAdminProtectionRuleSet,"
            + " AWSManagedRulesAmazonIpReputationList, AWSManagedRulesAnonymousIpList, AWSManagedRulesCommonRuleSet,"
            + " AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesLinuxRuleSet, AWSManagedRulesPHPRuleSet,"
            + " AWSManagedRulesSQLiRuleSet, AWSManagedRulesUnixRuleSet, AWSManagedRulesWindowsRuleSet,"
            + " AWSManagedRulesWordPressRuleSet";

    private static final String P = "Pulumi.prod.yaml: ";
    private static final Map<String, Object> SECRET = Map.of("secure", "v1:AAABAGhlbGxv");
    private static final String AURORA_CLASSES = "db.serverless, db.t3/t4g.medium or .large, or a"
            + " db.r5/r6g/r6i/r7g/r7i/r8g/x2g class";

    static Stream<Arguments> brokenProdStacks() {
        return Stream.of(
                // Database
                broken("Aurora on a class Aurora does not offer (seed 002)",
                        v -> v.setIn(Reference.NS + "database", "instanceClass", "db.t3.micro").removeIn(Reference.NS + "database", "serverless"),
                        P + Reference.NS + "database.instanceClass: \"db.t3.micro\" is not an Aurora PostgreSQL instance class;"
                                + " allowed: " + AURORA_CLASSES),
                broken("an engine this stack does not create", v -> v.setIn(Reference.NS + "database", "engine", "mysql"),
                        P + Reference.NS + "database.engine: \"mysql\" is not an engine this stack creates; allowed:"
                                + " aurora-postgresql or postgres"),
                broken("an engine version that is not one", v -> v.setIn(Reference.NS + "database", "engineVersion", "latest"),
                        P + Reference.NS + "database.engineVersion: \"latest\" is not a PostgreSQL version; allowed: a major"
                                + " version such as 16 (AWS's default minor of it at creation) or an exact major.minor"
                                + " such as 16.6"),
                broken("serverless capacity off the 0.5 grid",
                        v -> v.setIn(Reference.NS + "database", "serverless", Map.of("minCapacity", 0.7, "maxCapacity", 8)),
                        P + Reference.NS + "database.serverless.minCapacity: 0.7 is not an Aurora Serverless v2 capacity; allowed:"
                                + " 0 (auto-pause) or 0.5 to 256 in steps of 0.5 ACU"),
                broken("serverless minimum above the maximum",
                        v -> v.setIn(Reference.NS + "database", "serverless", Map.of("minCapacity", 16, "maxCapacity", 8)),
                        P + Reference.NS + "database.serverless.minCapacity: 16 is above maxCapacity 8.0; allowed: 0 to maxCapacity"),
                broken("serverless scaling on a provisioned class",
                        v -> v.setIn(Reference.NS + "database", "instanceClass", "db.r7g.large"),
                        P + Reference.NS + "database.serverless: applies only to instanceClass db.serverless; allowed:"
                                + " instanceClass: db.serverless"),
                broken("backups kept longer than RDS allows", v -> v.setIn(Reference.NS + "database", "backupRetentionDays", 36),
                        P + Reference.NS + "database.backupRetentionDays: 36 is out of range; allowed: 1 to 35"),
                broken("a reserved master user name", v -> v.setIn(Reference.NS + "database", "masterUsername", "postgres"),
                        P + Reference.NS + "database.masterUsername: \"postgres\" is not a master user name RDS accepts; allowed:"
                                + " 1 to 16 letters, digits and _, starting with a letter, not admin, postgres, public,"
                                + " rds_superuser, rdsadmin, rdsrepladmin"),
                broken("multiAz on Aurora", v -> v.setIn(Reference.NS + "database", "multiAz", true),
                        P + Reference.NS + "database.multiAz: is an RDS setting; Aurora spreads its instances over AZs; allowed:"
                                + " instances: 2 or more"),
                broken("a misspelt database setting", v -> v.setIn(Reference.NS + "database", "backupRetention", 7),
                        P + Reference.NS + "database.backupRetention: is not a known key (did you mean"
                                + " " + Reference.NS + "database.backupRetentionDays?); allowed: " + Reference.NS + "database.allocatedStorage,"
                                + " " + Reference.NS + "database.backupRetentionDays, " + Reference.NS + "database.databaseName, " + Reference.NS + "database.engine,"
                                + " " + Reference.NS + "database.engineVersion, " + Reference.NS + "database.iamAuthentication,"
                                + " " + Reference.NS + "database.instanceClass, " + Reference.NS + "database.instances, " + Reference.NS + "database.masterUsername,"
                                + " " + Reference.NS + "database.maxAllocatedStorage, " + Reference.NS + "database.multiAz, " + Reference.NS + "database.performanceInsights,"
                                + " " + Reference.NS + "database.port, " + Reference.NS + "database.serverless"),
                broken("a service that uses a database the stack does not have", v -> v.remove(Reference.NS + "database"),
                        P + Reference.NS + "services.api.database: is true but the stack has no database; allowed: a " + Reference.NS + "database"
                                + " block, or database: false"),
                broken("a service setting a variable the database connection sets",
                        v -> v.setIn(Reference.NS + "services", "api.environment", Map.of("DB_HOST", "db.internal")),
                        P + Reference.NS + "services.api.environment.DB_HOST: is set by the database connection; allowed: other"
                                + " names than DB_HOST, DB_PORT, DB_NAME, DB_USERNAME, DB_PASSWORD, PGSSLMODE"),
                // Parameters
                broken("a placeholder parameter (seed 000)", v -> v.setIn(Reference.NS + "parameters", "LOG_LEVEL", "placeholder"),
                        P + Reference.NS + "parameters.LOG_LEVEL: \"placeholder\" is a placeholder, not a value; allowed: the real"
                                + " value the service needs (a secret one as a SecureString set with --secret)"),
                broken("an empty parameter", v -> v.setIn(Reference.NS + "parameters", "LOG_LEVEL", ""),
                        P + Reference.NS + "parameters.LOG_LEVEL: \"\" is a placeholder, not a value; allowed: the real value the"
                                + " service needs (a secret one as a SecureString set with --secret)"),
                broken("a SecureString in clear text", v -> v.setIn(Reference.NS + "parameters", "API_TOKEN",
                                Map.of("type", "SecureString", "value", "s3cr3t")),
                        P + Reference.NS + "parameters.API_TOKEN.value: is plain text, and a SecureString's value must be a Pulumi secret;"
                                + " allowed: a value set with `pulumi config set --secret --path"
                                + " '" + Reference.NS + "parameters.API_TOKEN.value' <value>`"),
                broken("an encrypted value typed String", v -> v.set(Reference.NS + "parameters", Map.of(
                                "API_TOKEN", Map.of("type", "String", "value", SECRET))),
                        P + Reference.NS + "parameters.API_TOKEN.type: is String, which SSM stores in clear text, for a secret"
                                + " value; allowed: type: SecureString (encrypted with the stack key)"),
                broken("a bare value next to a secret", v -> v.set(Reference.NS + "parameters", Map.of(
                                "LOG_LEVEL", "info", "API_TOKEN", Map.of("type", "SecureString", "value", SECRET))),
                        P + Reference.NS + "parameters.LOG_LEVEL: is a bare value in a block that holds secrets (pulumi up then"
                                + " hands every value of " + Reference.NS + "parameters over as a secret, so its type cannot be told);"
                                + " allowed: {type: String, value: ...} or {type: SecureString, value: <secret>} for"
                                + " every parameter"),
                broken("a parameter type SSM has but this stack does not create", v -> v.setIn(Reference.NS + "parameters",
                                "LOG_LEVEL", Map.of("type", "StringList", "value", "a,b")),
                        P + Reference.NS + "parameters.LOG_LEVEL.type: \"StringList\" is not a parameter type this stack creates;"
                                + " allowed: String or SecureString"),
                broken("a secret outside " + Reference.NS + "parameters", v -> v.set(Reference.NS + "owner", SECRET),
                        P + Reference.NS + "owner: holds a Pulumi secret, and no value of this key is secret; allowed: plain"
                                + " values; a secret goes in " + Reference.NS + "parameters as a SecureString, or in SSM or Secrets"
                                + " Manager referenced from a service's secrets"),
                broken("a secret in a service's environment", v -> v.setIn(Reference.NS + "services", "web.environment",
                                Map.of("API_KEY", SECRET)),
                        P + Reference.NS + "services: holds a Pulumi secret, and no value of this key is secret; allowed: plain"
                                + " values; a secret goes in " + Reference.NS + "parameters as a SecureString, or in SSM or Secrets"
                                + " Manager referenced from a service's secrets"),
                broken("a service reading a parameter the stack does not create",
                        v -> v.setIn(Reference.NS + "services", "api.secrets", Map.of("TOKEN", Map.of("parameter", "TOKEN"))),
                        P + Reference.NS + "services.api.secrets.TOKEN.parameter: \"TOKEN\" is not in " + Reference.NS + "parameters; allowed:"
                                + " one of LOG_LEVEL"),
                // HTTPS and DNS
                broken("a requested certificate without a zone to validate it in",
                        v -> v.set(Reference.NS + "https", Map.of("domainName", "app.example.org")),
                        P + Reference.NS + "dns: is missing, and " + Reference.NS + "https.domainName needs a Route 53 zone to validate the"
                                + " certificate in; allowed: {zoneId: <the hosted zone of app.example.org>}"),
                broken("both a certificate and a domain", v -> v.set(Reference.NS + "https", Map.of("domainName", "app.example.org",
                                "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/"
                                        + "0a1b2c3d-1111-2222-3333-444455556666")),
                        P + Reference.NS + "https: needs exactly one of certificateArn and domainName; allowed: certificateArn (a"
                                + " certificate you have) or domainName (one is requested and validated in"
                                + " " + Reference.NS + "dns.zoneId)"),
                broken("a certificate in another region", v -> v.set(Reference.NS + "https", Map.of("certificateArn",
                                "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666")),
                        P + Reference.NS + "https.certificateArn: \"arn:aws:acm:eu-west-1:123456789012:certificate/"
                                + "0a1b2c3d-1111-2222-3333-444455556666\" is in another region than the load balancer"
                                + " (us-east-1); allowed: an ACM certificate ARN in the stack's region,"
                                + " arn:aws:acm:<region>:<account>:certificate/<id>"),
                broken("a zone id that is not one", v -> v.set(Reference.NS + "dns", Map.of("zoneId", "example.org",
                                "recordName", "app.example.org")),
                        P + Reference.NS + "dns.zoneId: \"example.org\" is not a Route 53 hosted zone id; allowed: Z followed by"
                                + " letters and digits"),
                broken("DNS without a record name", v -> v.set(Reference.NS + "dns", Map.of("zoneId", "Z0123456789ABCDEFGHIJ")),
                        P + Reference.NS + "dns.recordName: is missing (set it in Pulumi.prod.yaml or with `pulumi config set"
                                + " --path '" + Reference.NS + "dns.recordName' <value>`); allowed: the host name that should point at"
                                + " the load balancer"),
                broken("HTTPS without a public service", v -> v.set(Reference.NS + "https", Map.of("certificateArn",
                                "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"))
                                .setIn(Reference.NS + "services", "web.public", false).remove(Reference.NS + "albLogs"),
                        P + Reference.NS + "https: needs the load balancer, and no service is public; allowed: a service with"
                                + " public: true, or no https block"),
                // WAF, endpoints, logs, alarms
                broken("a rule group that is not an AWS managed one", v -> v.set(Reference.NS + "waf",
                                Map.of("managedRuleGroups", List.of("MyRules"))),
                        P + Reference.NS + "waf.managedRuleGroups: \"MyRules\" is not an AWS managed rule group (list of"
                                + " 2026-12-01); allowed: " + USABLE_RULE_GROUPS),
                broken("a rule group that looks managed but AWS has none of that name", v -> v.set(Reference.NS + "waf",
                                Map.of("managedRuleGroups", List.of("AWSManagedRulesCommonRuleSets"))),
                        P + Reference.NS + "waf.managedRuleGroups: \"AWSManagedRulesCommonRuleSets\" is not an AWS managed rule"
                                + " group (list of 2026-12-01); allowed: " + USABLE_RULE_GROUPS),
                broken("a rule group that needs configuration " + Reference.NS + "waf cannot give", v -> v.set(Reference.NS + "waf",
                                Map.of("managedRuleGroups", List.of("AWSManagedRulesBotControlRuleSet"))),
                        P + Reference.NS + "waf.managedRuleGroups: \"AWSManagedRulesBotControlRuleSet\" needs"
                                + " managedRuleGroupConfigs, which " + Reference.NS + "waf does not set (and is charged per request);"
                                + " allowed: " + USABLE_RULE_GROUPS),
                broken("a rule group listed twice", v -> v.set(Reference.NS + "waf", Map.of("managedRuleGroups",
                                List.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesCommonRuleSet"))),
                        P + Reference.NS + "waf.managedRuleGroups: \"AWSManagedRulesCommonRuleSet\" is listed twice, and a"
                                + " web ACL's rules need distinct names; allowed: each rule group once"),
                broken("a rate limit below WAF's minimum", v -> v.set(Reference.NS + "waf", Map.of("rateLimit", 50)),
                        P + Reference.NS + "waf.rateLimit: 50 is out of range; allowed: 100 to 2000000000"),
                broken("an endpoint this stack does not create", v -> v.set(Reference.NS + "endpoints",
                                Map.of("interfaces", List.of("ecr.api", "dynamodb"))),
                        P + Reference.NS + "endpoints.interfaces: \"dynamodb\" is not an endpoint this stack creates; allowed:"
                                + " ecr.api, ecr.dkr, logs, secretsmanager, ssm, ssmmessages, kms, sts, monitoring, sqs, xray"),
                broken("access logs kept for no time", v -> v.set(Reference.NS + "albLogs", Map.of("expirationDays", 0)),
                        P + Reference.NS + "albLogs.expirationDays: 0 is out of range; allowed: 1 to 3650"),
                broken("an alarm address nobody reads", v -> v.set(Reference.NS + "alarms",
                                Map.of("emails", List.of("oncall@example.com"))),
                        P + Reference.NS + "alarms.emails: \"oncall@example.com\" is not a deliverable e-mail address; allowed:"
                                + " real addresses (example.com is reserved for documentation), or none"),
                broken("a CPU threshold above 100%", v -> v.set(Reference.NS + "alarms", Map.of("cpuPercent", 120)),
                        P + Reference.NS + "alarms.cpuPercent: 120 is out of range; allowed: 1 to 100"),
                broken("a module block that is not a mapping", v -> v.set(Reference.NS + "alarms", true),
                        P + Reference.NS + "alarms: true is not a mapping; allowed: a mapping of emails, cpuPercent, memoryPercent, alb5xxPerMinute, databaseCpuPercent, databaseAcuPercent, databaseFreeableMemoryMiB, databaseFreeStorageGiB"));
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenProdStacks")
    void brokenModuleGivesOneExactMessage(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertRefused("prod", edit, message);
    }
}
