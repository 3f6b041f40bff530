package com.tapstack.stack;

import com.tapstack.config.ConfigNode;
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.config.service.ServiceConfig;
import com.tapstack.modules.ModulesConfig;

/**
 * The security group rule quota, checked on the configuration: "Inbound or outbound rules per security group:
 * 60" (Amazon VPC quotas, default). The load balancer's and the endpoints' rules are split over up to five
 * groups (the default limit of groups per network interface); a service's own group is one group, so its callers
 * and its callees must fit in 60 rules each way. The quota can be raised in an account; this stack plans for
 * the default, which a new account has.
 */
final class SecurityGroupQuotas {

    static final int RULES = 60;
    static final int GROUPS_PER_INTERFACE = 5;
    /**
     * "Target Groups per Application Load Balancer: 100, not adjustable" (Application Load Balancer quotas): one per
     * public service. Its egress (one rule per public service) then fits two security groups.
     */
    static final int TARGET_GROUPS_PER_LOAD_BALANCER = 100;
    /** A service always leaves on HTTPS, DNS over UDP and DNS over TCP. */
    static final int BASE_EGRESS_RULES = 3;

    private SecurityGroupQuotas() {
    }

    static void check(ConfigNode tap, PlatformConfig platform, ModulesConfig modules) {
        var services = platform.services().values();
        long publicServices = services.stream().filter(ServiceConfig::isPublic).count();
        if (publicServices > TARGET_GROUPS_PER_LOAD_BALANCER) {
            throw tap.error(PlatformConfig.SERVICES.name(), "has " + publicServices + " public services, each with a target"
                    + " group, and an Application Load Balancer takes at most " + TARGET_GROUPS_PER_LOAD_BALANCER
                    + " (not adjustable)", "at most " + TARGET_GROUPS_PER_LOAD_BALANCER + " public services");
        }
        var allowedPublic = RULES * GROUPS_PER_INTERFACE;
        if (modules.endpoints().isPresent() && services.size() > allowedPublic) {
            throw tap.error(PlatformConfig.SERVICES.name(), "has " + services.size() + " services, and the VPC endpoints admit"
                    + " each by one inbound rule: more than " + GROUPS_PER_INTERFACE + " security groups of " + RULES
                    + " rules hold", "at most " + allowedPublic + " services with " + tap.key("endpoints"));
        }
        long databaseUsers = services.stream().filter(ServiceConfig::database).count();
        if (databaseUsers > RULES) {
            throw tap.error(PlatformConfig.SERVICES.name(), "has " + databaseUsers + " services with database: true, and the"
                    + " database's security group takes at most " + RULES + " inbound rules", "at most " + RULES
                    + " services that use the database");
        }
        for (var service : services) {
            long callers = services.stream().filter(s -> s.calls().contains(service.name())).count();
            long inbound = callers + (service.isPublic() ? 1 : 0);
            if (inbound > RULES) {
                throw tap.error(PlatformConfig.SERVICES.name() + "." + service.name(), "is called by " + callers + " services"
                        + (service.isPublic() ? " and the load balancer" : "") + ", one inbound rule each, more than"
                        + " the " + RULES + " its security group takes", "at most " + (RULES - (service.isPublic() ? 1 : 0))
                        + " callers");
            }
            // One NFS rule per file system mounted (storage module), next to the database's.
            int fixed = BASE_EGRESS_RULES + (service.database() ? 1 : 0) + service.storage().mounts().size();
            int outbound = fixed + service.calls().size();
            if (outbound > RULES) {
                throw tap.error(PlatformConfig.SERVICES.name() + "." + service.name() + ".calls", "makes " + outbound
                        + " outbound rules (HTTPS, DNS twice" + (service.database() ? ", the database" : "")
                        + (service.storage().mounts().isEmpty() ? "" : ", NFS per file system mounted") + " and one"
                        + " per service called), more than the " + RULES + " its security group takes", "at most "
                        + (RULES - fixed) + " services called");
            }
        }
    }
}
