package org.mppfw.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "mppfw HTTP transport", description = "The phone's HTTP/HTTPS client")
@interface HttpTransportConfig {

    @AttributeDefinition(name = "Read timeout", description = "Seconds of silence before a transfer fails (class C)")
    int read_timeout_seconds() default 30;

    @AttributeDefinition(name = "Device certificate",
            description = "PKCS#12 file with the device's client certificate, relative to the data dir")
    String client_keystore() default "identity/device.p12";

    @AttributeDefinition(name = "Device certificate password", type = AttributeType.PASSWORD)
    String client_keystore_password() default "";

    @AttributeDefinition(name = "Built-in roots", description = "Trust the runtime's root CAs besides the custom CA")
    boolean builtin_roots() default true;
}
