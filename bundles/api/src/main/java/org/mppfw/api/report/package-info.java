/**
 * Reports from the phone: the configuration and status upload that {@code Report_Rule} asks for,
 * and the problem report (PRT) archive uploaded to {@code PRT_Upload_Rule}. The shell, SIP
 * NOTIFY ({@code report}, {@code prt-gen}) and the web pages ask for them through {@link Reports}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mppfw.api.report;
