package com.tapstack.config.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A task's CPU units and memory (MiB), one of the pairs Fargate accepts (aws-facts A1): 74 Linux pairs from
 * 256 units / 512 MiB to 16384 units / 120 GiB.
 */
public record FargateSize(int cpu, int memory) {

    /** CPU units, then the memory range and step Fargate allows for it. */
    private static final int[][] TABLE = {
            {256, 0, 0, 0}, // special: 512, 1024, 2048
            {512, 1024, 4096, 1024},
            {1024, 2048, 8192, 1024},
            {2048, 4096, 16384, 1024},
            {4096, 8192, 30720, 1024},
            {8192, 16384, 61440, 4096},
            {16384, 32768, 122880, 8192}};

    public FargateSize {
        if (!isValid(cpu, memory)) {
            throw new IllegalArgumentException("not a Fargate size: cpu " + cpu + ", memory " + memory);
        }
    }

    public static List<Integer> cpuValues() {
        var values = new ArrayList<Integer>();
        for (var row : TABLE) {
            values.add(row[0]);
        }
        return values;
    }

    /** The memory values Fargate allows for {@code cpu}; empty when cpu is not a Fargate value. */
    public static List<Integer> memoryFor(int cpu) {
        if (cpu == 256) {
            return List.of(512, 1024, 2048);
        }
        for (var row : TABLE) {
            if (row[0] == cpu) {
                var values = new ArrayList<Integer>();
                for (int memory = row[1]; memory <= row[2]; memory += row[3]) {
                    values.add(memory);
                }
                return values;
            }
        }
        return List.of();
    }

    public static boolean isValid(int cpu, int memory) {
        return memoryFor(cpu).contains(memory);
    }

    public static List<FargateSize> all() {
        var sizes = new ArrayList<FargateSize>();
        for (int cpu : cpuValues()) {
            for (int memory : memoryFor(cpu)) {
                sizes.add(new FargateSize(cpu, memory));
            }
        }
        return sizes;
    }

    /** The valid pairs closest to (cpu, memory), measured in doublings of each. */
    public static List<FargateSize> nearest(int cpu, int memory, int count) {
        Comparator<FargateSize> byDistance = Comparator.comparingDouble(size ->
                Math.abs(log2((double) size.cpu / cpu)) + Math.abs(log2((double) size.memory / memory)));
        return all().stream()
                .sorted(byDistance.thenComparingInt(FargateSize::cpu).thenComparingInt(FargateSize::memory))
                .limit(count)
                .toList();
    }

    /** "512, 1024 or 2048", or "2048 to 8192 in steps of 1024". */
    public static String describeMemoryFor(int cpu) {
        var values = memoryFor(cpu);
        if (values.size() <= 3) {
            return joinOr(values.stream().map(String::valueOf).toList());
        }
        return values.get(0) + " to " + values.get(values.size() - 1) + " in steps of " + (values.get(1) - values.get(0));
    }

    public static String describe(List<FargateSize> sizes) {
        return joinOr(sizes.stream().map(s -> "cpu " + s.cpu + " with memory " + s.memory).toList());
    }

    public static String joinOr(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }


    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
