package com.tapstack.tooling.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    @Test
    void wildcardsInActionsAndResourcesMatchAndDenyWins() {
        var statements = PolicyEvaluator.parse("""
                {"Statement": [
                  {"Effect": "Allow", "Action": ["logs:Put*", "ecr:batchgetimage"],
                   "Resource": ["arn:aws:logs:us-east-1:1:log-group:app:*", "arn:aws:ecr:us-east-1:1:repository/app"]},
                  {"Effect": "Deny", "Action": "logs:PutRetentionPolicy", "Resource": "*"}
                ]}""");

        assertThat(PolicyEvaluator.allows(statements, "logs:PutLogEvents",
                "arn:aws:logs:us-east-1:1:log-group:app:log-stream:x")).isTrue();
        assertThat(PolicyEvaluator.allows(statements, "ecr:BatchGetImage", "arn:aws:ecr:us-east-1:1:repository/app"))
                .isTrue();
        assertThat(PolicyEvaluator.allows(statements, "logs:PutLogEvents",
                "arn:aws:logs:us-east-1:1:log-group:other:log-stream:x")).isFalse();
        assertThat(PolicyEvaluator.allows(statements, "logs:PutRetentionPolicy",
                "arn:aws:logs:us-east-1:1:log-group:app:*")).isFalse();
    }
}
