package com.tapstack.tooling.offline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's answer to an RDS engine version lookup. AWS answers with the default minor of the major version
 * on the day of the lookup; offline there is no such day, so the answer is a stand-in of the right shape
 * ({@code <major>.<minor>} from the table below, the defaults as of 2026-12 from memory, unverified here) and the
 * real version is decided by AWS when the database is created.
 */
final class EngineVersions {

    private static final Map<String, String> DEFAULT_MINOR = Map.of("13", "13.20", "14", "14.17", "15", "15.12",
            "16", "16.8", "17", "17.4");

    private EngineVersions() {
    }

    static Map<String, Object> answer(Map<String, Object> args) {
        var engine = String.valueOf(args.get("engine"));
        var requested = String.valueOf(args.get("version"));
        var major = requested.split("\\.")[0];
        var version = requested.contains(".") ? requested : DEFAULT_MINOR.getOrDefault(major, major + ".1");
        var answer = new HashMap<String, Object>();
        answer.put("id", version);
        answer.put("engine", engine);
        answer.put("version", version);
        answer.put("versionActual", version);
        answer.put("parameterGroupFamily", engine + major);
        answer.put("status", "available");
        answer.put("defaultOnly", Boolean.TRUE.equals(args.get("defaultOnly")));
        answer.put("exportableLogTypes", List.of("postgresql"));
        answer.put("supportedModes", List.of("provisioned"));
        answer.put("validUpgradeTargets", List.of());
        return answer;
    }
}
