package com.tapstack.tooling.cost;

import com.tapstack.config.CostAssumptions;
import com.tapstack.config.service.ScheduleExpression;
import com.tapstack.tooling.offline.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduled tasks by the run: runs a month (from the expression; a disabled schedule runs none) x tasks a run x
 * the assumed run length, at Fargate's on-demand price for the task's size (Fargate bills per second, at least a
 * minute per task); and EventBridge Scheduler's invocations past its monthly free tier.
 */
final class ScheduledTaskCost {

    static final String SCHEDULE = "aws:scheduler/schedule:Schedule";
    /** Fargate's minimum charge per task (aws.amazon.com/fargate/pricing). */
    static final double MINIMUM_BILLED_MINUTES = 1;

    private ScheduledTaskCost() {
    }

    static void add(Plan plan, CostAssumptions usage, PriceTable prices, List<CostEstimate.Line> lines) {
        var schedules = plan.byType(SCHEDULE);
        if (schedules.isEmpty()) {
            return;
        }
        double cost = 0;
        double invocations = 0;
        var basis = new ArrayList<String>();
        var minutes = Math.max(usage.scheduledRunMinutes(), MINIMUM_BILLED_MINUTES);
        for (var schedule : schedules) {
            var expression = ScheduleExpression.parse(schedule.inputString("scheduleExpression"));
            var runs = "DISABLED".equals(schedule.inputString("state")) ? 0 : expression.runsPerMonth();
            var tasks = schedule.inputAt("target.ecsParameters.taskCount") instanceof Number n ? n.intValue() : 1;
            var arn = String.valueOf(schedule.inputAt("target.ecsParameters.taskDefinitionArn"));
            var task = plan.find(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition")
                    && arn.equals(String.valueOf(r.output("arn"))));
            if (task.isEmpty()) {
                continue;
            }
            var vcpu = Double.parseDouble(task.get().inputString("cpu")) / 1024;
            var gb = Double.parseDouble(task.get().inputString("memory")) / 1024;
            var arm = "ARM64".equals(task.get().inputAt("runtimePlatform.cpuArchitecture"));
            var hours = runs * tasks * minutes / 60;
            cost += hours * (vcpu * prices.price(arm ? "fargateArmVcpuHour" : "fargateVcpuHour")
                    + gb * prices.price(arm ? "fargateArmGBHour" : "fargateGBHour"));
            invocations += runs;
            basis.add(task.get().inputString("family") + " " + CostEstimator.fmt(Math.round(runs * 100) / 100.0)
                    + " runs x " + tasks + " x " + CostEstimator.fmt(minutes) + " min");
        }
        lines.add(new CostEstimate.Line(CostEstimator.SCHEDULED_TASKS, String.join(", ", basis) + " (FARGATE "
                + "on-demand; run length: costAssumptions.scheduledRunMinutes)", Math.round(cost * 100) / 100.0));
        var free = prices.price("schedulerFreeInvocationsMonth");
        var billed = Math.max(0, invocations - free);
        lines.add(new CostEstimate.Line(CostEstimator.SCHEDULER, CostEstimator.fmt(Math.round(invocations))
                + " invocations, the first " + CostEstimator.fmt(free) + " a month free",
                Math.round(billed / 1_000_000 * prices.price("schedulerInvocationsMillion") * 100) / 100.0));
    }
}
