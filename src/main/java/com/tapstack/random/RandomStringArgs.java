package com.tapstack.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** Inputs of {@link RandomString}, named as the provider's schema names them. */
public final class RandomStringArgs extends ResourceArgs {

    @Import(name = "length", required = true)
    private final Output<Integer> length;
    @Import(name = "lower")
    private final Output<Boolean> lower;
    @Import(name = "upper")
    private final Output<Boolean> upper;
    @Import(name = "numeric")
    private final Output<Boolean> numeric;
    @Import(name = "special")
    private final Output<Boolean> special;

    public RandomStringArgs(int length, boolean lower, boolean upper, boolean numeric, boolean special) {
        this.length = Output.of(length);
        this.lower = Output.of(lower);
        this.upper = Output.of(upper);
        this.numeric = Output.of(numeric);
        this.special = Output.of(special);
    }

    /**
     * Lowercase letters and digits only: the one alphabet every AWS name accepts (S3 buckets and ECR
     * repositories refuse uppercase).
     */
    public static RandomStringArgs nameSafe(int length) {
        return new RandomStringArgs(length, true, false, true, false);
    }
}
