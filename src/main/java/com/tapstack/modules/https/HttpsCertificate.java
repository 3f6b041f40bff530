package com.tapstack.modules.https;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.scope.StackScope;
import java.util.List;
import java.util.Map;

/**
 * An ACM certificate for {@code domainName}, validated by DNS in the Route 53 zone: the validation record is
 * created in the zone and the listener waits for the certificate to be issued.
 */
public final class HttpsCertificate extends ComponentResource {

    public static final String TYPE = "tap:https:Certificate";

    private final Output<String> arn;

    public HttpsCertificate(String name, String domainName, String zoneId, StackScope scope,
                            ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var certificate = new Certificate(name, CertificateArgs.builder()
                .domainName(domainName)
                .validationMethod("DNS")
                .keyAlgorithm("RSA_2048")
                .tags(scope.commonTags())
                .build(), child);
        var option = certificate.domainValidationOptions().applyValue(options1 -> options1.get(0));
        var record = new Record(name + "-validation", RecordArgs.builder()
                .zoneId(zoneId)
                .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                .type(option.applyValue(o -> Either.<String, RecordType>ofLeft(o.resourceRecordType().orElseThrow())))
                .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                .ttl(60)
                .allowOverwrite(true)
                .build(), child);
        var validation = new CertificateValidation(name + "-validation", CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .validationRecordFqdns(record.fqdn().applyValue(List::of))
                .build(), child);
        this.arn = validation.certificateArn();
        registerOutputs(Map.of("arn", arn));
    }

    /** The certificate's ARN, known once it is issued. */
    public Output<String> arn() {
        return arn;
    }
}
