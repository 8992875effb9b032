/**
 * Reports from the phone: {@code Report_Rule} uploads and problem reports (PRT). The engine classes
 * are plain objects ({@link org.mppfw.report.internal.Reporter}, {@link org.mppfw.report.internal.ReportTriggers},
 * {@link org.mppfw.report.internal.Baseline}, {@link org.mppfw.report.internal.StatusReport},
 * {@link org.mppfw.report.internal.ProblemReportWriter}, {@link org.mppfw.report.internal.ProblemReportUpload},
 * {@link org.mppfw.report.internal.Upload}); the DS components are only at the edge
 * ({@link org.mppfw.report.internal.ReportComponent}, {@link org.mppfw.report.internal.ReportCommands}).
 *
 * <p>What was chosen where the reference (§7) and Cisco's guides leave it open:
 * <ul>
 * <li><b>Two targets</b>: the rule's last URL may be followed by a space and a second URL, which gets the
 * same conditions, assignments and options ({@link org.mppfw.report.internal.ReportTargets}); the rule
 * parser of the provisioning bundle already takes {@code --delta} and {@code --status} for
 * {@code RuleKind.REPORT}, so each target is evaluated by it unchanged. A URL without a host (the DHCP
 * option 66 server of a profile rule) is not a report target: the outcome says so.</li>
 * <li><b>Body and Content-Type</b> (UNCONFIRMED in the reference): the {@code <flat-profile>} that
 * {@code param:export} writes (the phone's {@code cfg.xml}: every parameter with its {@code ua}, secrets as
 * the mask), sent as the request body (not a form field) with {@code Content-Type: application/xml}; with
 * {@code --key} the body is {@code openssl enc -aes-256-cbc -k} (SHA-256 key derivation, OpenSSL's default
 * since 1.1.0) as {@code application/octet-stream}; with an IKM and no {@code --key}, RFC 8188 with
 * {@code Content-Encoding: aes128gcm} (record size 4096, no key id) and the body's own Content-Type. TFTP
 * writes the same bytes. HTTP uses {@code HTTP_Report_Method} (POST or PUT).</li>
 * <li><b>{@code --delta}</b>: the parameters whose value differs from the {@link org.mppfw.report.internal.Baseline}:
 * the configuration right after the last resync attempt (the report that attempt triggers is sent first, so
 * it holds what the resync changed), the last reboot or the last upgrade (a start in another boot number or
 * firmware version). Kept as SHA-256 hashes in {@code <data>/report/baseline.properties}, so that a bundle
 * update or a command run between two reports keeps it. An unchanged configuration gives an empty
 * {@code <flat-profile>}.</li>
 * <li><b>{@code --status}</b>: Info &gt; Status's fields named as their labels with underscores
 * ({@code Product_Name}, {@code Serial_Number}, {@code MAC_Address}, {@code Software_Version},
 * {@code Hardware_Version}, {@code Current_Time}, {@code IP_Address}), Info &gt; Download Status's
 * {@code Provisioning_Status} and {@code Firmware_Upgrade_Status}; then our own group
 * ({@code mppfw/Applied Configuration}): {@code Applied_Config_Hash} (SHA-256 of the masked export),
 * the state and last resync, {@code Applied_Parameters} and {@code Rejected_Parameters} of the last
 * attempt, {@code Boot_Reason}. The element names are ours (UNCONFIRMED: no guide reached here prints a
 * status report). {@code --status} wins over {@code --delta}.</li>
 * <li><b>When</b>: on request ({@code prov:report}, {@link org.mppfw.api.report.Reports}); after every
 * resync attempt when {@code Report_Rule} is set; per {@code Report_to_Server}: On Local Change
 * ({@code Upload_Delay_On_Local_Change} seconds after the first change no report has covered; a local change
 * is any not made by a resync, i.e. not {@code PROFILE} nor {@code SYSTEM}) or Periodically
 * ({@code periodic_upload_to_server}). Not at shutdown or restart (the reference's [S10] says MPP also
 * reports then): a report after each resync and on the next boot's first resync covers it without delaying
 * a reboot on a slow server.</li>
 * <li><b>Problem report</b>: {@code probrep-YYYYMMDD-HHMMSS.tar.gz} (the name the guide shows for
 * {@code prt_file}), in {@code <data>/prt/}, the latest five kept; POST as {@code multipart/form-data} with the
 * guide's sample script's fields ({@code devicename}, {@code serialno}, {@code username}, {@code prt_file}),
 * PUT as the bare archive; every archived file is scrubbed of each secret parameter's current value.
 * {@code PRT_Name} and {@code PRT_Max_Timer} are not in the catalog yet and not used.</li>
 * </ul>
 */
package org.mppfw.report.internal;
