package com.tapstack.modules.alarms;

import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CloudWatch dashboard body, as a pure function of what is monitored and the alarms. */
public final class Dashboards {

    private Dashboards() {
    }

    public static String body(Monitored monitored, List<String> alarmArns) {
        var widgets = new ArrayList<Map<String, Object>>();
        widgets.add(widget("text", 0, 0, 24, 1, Map.of("markdown", "# " + monitored.title())));
        int y = 1;
        widgets.add(metric("CPU by service (%)", 0, y, "Average", monitored,
                perService(monitored, "AWS/ECS", "CPUUtilization")));
        widgets.add(metric("Memory by service (%)", 12, y, "Average", monitored,
                perService(monitored, "AWS/ECS", "MemoryUtilization")));
        y += 6;
        widgets.add(metric("Running tasks", 0, y, "Average", monitored,
                perService(monitored, "ECS/ContainerInsights", "RunningTaskCount")));
        if (monitored.loadBalancer().isPresent()) {
            var lb = monitored.loadBalancer().get();
            widgets.add(metric("Load balancer requests and 5xx", 12, y, "Sum", monitored, List.of(
                    List.of("AWS/ApplicationELB", "RequestCount", "LoadBalancer", lb),
                    List.of("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", lb),
                    List.of("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", lb))));
        }
        y += 6;
        if (monitored.database().isPresent()) {
            var db = monitored.database().get();
            widgets.add(metric("Database CPU (%) and connections", 0, y, "Average", monitored, List.of(
                    List.of("AWS/RDS", "CPUUtilization", db.dimension(), db.identifier()),
                    List.of("AWS/RDS", "DatabaseConnections", db.dimension(), db.identifier()))));
        }
        // Ordered: Map.of's order changes from one JVM to the next, and so would the dashboard body.
        var alarms = new LinkedHashMap<String, Object>();
        alarms.put("title", "Alarms");
        alarms.put("alarms", alarmArns);
        widgets.add(widget("alarm", 12, y, 12, 6, alarms));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(Map.of("widgets", widgets));
    }

    private static List<List<String>> perService(Monitored monitored, String namespace, String metric) {
        return monitored.services().stream().map(s -> List.of(namespace, metric, "ClusterName",
                monitored.clusterName(), "ServiceName", s.ecsServiceName())).toList();
    }

    private static Map<String, Object> metric(String title, int x, int y, String stat, Monitored monitored,
                                              List<List<String>> metrics) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("title", title);
        properties.put("region", monitored.region());
        properties.put("stat", stat);
        properties.put("period", 60);
        properties.put("view", "timeSeries");
        properties.put("metrics", metrics);
        return widget("metric", x, y, 12, 6, properties);
    }

    private static Map<String, Object> widget(String type, int x, int y, int width, int height,
                                              Map<String, Object> properties) {
        var widget = new LinkedHashMap<String, Object>();
        widget.put("type", type);
        widget.put("x", x);
        widget.put("y", y);
        widget.put("width", width);
        widget.put("height", height);
        widget.put("properties", properties);
        return widget;
    }
}
