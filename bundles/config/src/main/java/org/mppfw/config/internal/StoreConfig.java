package org.mppfw.config.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "mppfw parameter store",
        description = "How the phone's parameter store reads provisioning profiles.")
@interface StoreConfig {

    @AttributeDefinition(name = "Empty element resets to default",
            description = "Compatibility switch: an empty profile element such as <Profile_Rule_B/> resets the "
                    + "parameter to its default instead of setting the empty string.")
    boolean empty_resets_to_default() default false;
}
