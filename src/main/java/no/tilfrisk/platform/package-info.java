/**
 * Shared infrastructure: the embedded database, the tenancy context, web layout, i18n and errors.
 * The only module every other module may use freely.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package no.tilfrisk.platform;

import org.springframework.modulith.ApplicationModule;
