/**
 * The provisioning rules and the resync engine.
 *
 * <p>The rules: parser ({@code RuleParser}, {@code ConditionParser}), macro expander
 * ({@code MacroExpander} over the fixed name table {@code Macros}), condition evaluator,
 * URL resolver, and the {@code ProvisioningRules} service that joins them.
 *
 * <p>The components, each of one concern:
 * <ul>
 * <li>{@code PhoneMacrosService} ({@code PhoneMacros}): the one source of the phone's macro values
 * (identity, GPP registers, the per-line {@code $UIDn $DISPLAYNAMEn $AUTHIDn $PROXYn}, {@code $PRVTMR}, the
 * upgrade state, {@code $ISCUST},
 * {@code $CCERT}, {@code $EXTIP}, {@code $UPGCOND});
 * callers lay the values of their event over it;</li>
 * <li>{@code ProvisioningLogService} ({@code ProvisioningLog}, and {@code LogLines} for the
 * engine): {@code Log_*} messages expanded, logged and sent to {@code Syslog_Server} through the
 * phone's one {@code SyslogSender};</li>
 * <li>{@code ResyncComponent} ({@code Provisioning}): the engine at the edge. It holds the
 * references, keeping the engine's {@code Transports} table and {@code ServiceSlot}s (profile
 * decoder, discovery, line state) current, creates the engine's one thread, and hands the calls
 * to the engine;</li>
 * <li>{@code ProvCommands}, {@code EngineCommands}: the {@code prov:} shell commands.</li>
 * </ul>
 *
 * <p>The engine is plain objects built by their constructors, with no DS and no thread of their
 * own: they run on the serial {@code Executor} and the {@code Clock} they are given (a test gives a
 * direct executor and a virtual clock), so that many phones' engines can run in one JVM.
 * {@code ResyncEngine} builds and joins them: {@code ResyncScheduler} (when: the schedule of
 * {@code schedule/ResyncPolicy}, the gates of {@code Provision_Enable}, the triggers and the idle
 * lines), {@code AttemptRunner} (one attempt: rules A to D in sequence, the first failure ends it),
 * {@code RuleRunner} (one rule: evaluation, assignments, server choice by {@code ServerChoice},
 * download and apply by {@code fetch/ProfileFetcher}, the {@code Log_*} lines), {@code ResyncHistory},
 * {@code ProfileAccount} and {@code StatusPublisher} (the status and its listeners).
 *
 * <p>Where the reference leaves the behaviour open, these are the choices (each pinned by a test):
 * <ul>
 * <li>Macro names: after {@code $} the longest known name wins; names are case-sensitive; a
 * known macro the phone has no value for expands to the empty string; an unknown name stays as
 * written. The numbered macros ({@code $UIDn}, {@code $DISPLAYNAMEn}, {@code $AUTHIDn},
 * {@code $PROXYn}) exist for lines 1 to 10 (the 8845's extensions) and show the line's
 * {@code User_ID_n_}, {@code Display_Name_n_}, {@code Auth_ID_n_}, {@code Proxy_n_} (the reference
 * names the macros without their values; these are the parameters of the same web labels, as
 * {@code $UIDn} is {@code User_ID_n_}); a rule that assigns one of them sees the new value in the
 * rest of its alternative. {@code $PROXY} without a number is the SIP-side macro of the NAT
 * keep-alive messages, no line's. {@code $(NAME:p:q)} clamps to the value.</li>
 * <li>{@code $PN} / {@code $PSN} are {@code CP-8845-3PCC} / {@code 8845-3PCC} (the form of the 6800
 * guide, the User-Agent and the default rule {@code /$PSN.xml}); the device identity supplies
 * them.</li>
 * <li>{@code $CCERT} is {@code Installed} or {@code Not Installed} (the guides' two values),
 * {@code Installed} while the phone has a device certificate: the PKCS#12 file the HTTPS client
 * presents ({@code DeviceCertificate}, from the http bundle); without that bundle, {@code Not
 * Installed}. Cisco's {@code ("$CCERT" eq "Installed")?} therefore takes its branch exactly when
 * a server can authenticate the phone by certificate.</li>
 * <li>{@code $EXTIP} (the guides: the external address as the internet sees it, from NAT mapping
 * or STUN) is empty: the phone has neither, and the reference reads an unknown external address
 * as empty rather than the LAN address, so that {@code ("$EXTIP" ne "")?} means "behind a known
 * NAT".</li>
 * <li>{@code $UPGCOND} is {@code true}. The MPP guides only call it a legacy macro name; the
 * Linksys SPA provisioning guide (3.01) says it always expands to true since SPA firmware 2.0.6
 * (the 2005 Sipura guide gave it the condition term that triggered an upgrade).</li>
 * <li>{@code $ISCUST} is 1 once remote customization is done, by the activation server
 * (Acquired) or by an activation code (GDS-Acquired); 0 in every other state, Aborted
 * included (the phone was provisioned another way, not customized).</li>
 * <li>A rule without a server (the factory {@code /$PSN.xml}) while discovery is off, or absent,
 * fails as before (class C, the retry list), and its message says what is missing and how to
 * give it: a full URL ({@code param:set Profile_Rule http://server/$PSN.xml}) or discovery
 * ({@code mppfw.discovery.mode=dhcp}); the LCD, {@code prov:status}, the log and
 * {@code Log_Failure_Msg} ({@code $ERR}) all show that one message.</li>
 * <li>Versions: a micro such as {@code 2MPP0001} orders by its leading number, its letters, then
 * its trailing number ({@code FirmwareVersion}). Comparing Cisco's old format
 * ({@code 11-0-1MPP-376}) with the new one ({@code 11-3-2MPP0001-609}) is refused for every
 * operator, {@code =} included: a syntax error between two literals, an evaluation error when a
 * macro brings one in. Legacy SPA versions ({@code 1.0.33}, {@code 7.5.2b}) compare number by
 * number, then by their letter suffix; against a Cisco version they are only equal or not equal,
 * as text.</li>
 * <li>A comparison that cannot be made (ordering a string, an integer with a version) stops the
 * evaluation with an error rather than making the alternative false, so that a broken rule is
 * reported and not silently skipped.</li>
 * <li>Within one attempt every rule and message sees {@code $PRVTMR}, {@code $UPGTMR},
 * {@code $UPGST} and {@code $UPGERR} as they stood at its start ({@code $PRVTMR}: the seconds
 * since the attempt before it).</li>
 * <li>Assignments run in the order written; each sees the ones before it, and the options and the
 * URL see all of them (assignments run before the download).</li>
 * <li>{@code --post} and {@code --alias} (documented for SPA, still in MPP examples) are parsed and
 * passed on; {@code --srv} and {@code --post} need http or https.</li>
 * <li>{@code gds://} is the activation-code pseudo-URL only as the whole of a profile rule.</li>
 * <li>A URL whose macros expand to nothing means nothing to do, like an alternative without URL.</li>
 * <li>Operator mnemonics and {@code and} are accepted in any case; spaces between {@code )} and
 * {@code ?} or {@code !} are accepted.</li>
 * <li>{@code Restricted_Access_Domains} (the guide: provisioning, upgrade and reports "using only
 * the specified servers", given as FQDNs): every profile download carries the list
 * ({@code fetch/ProfileFetcher}), and the transports check each host before contacting it: the
 * rule's server, a server DHCP gave (66, 160, 159, 150), a DNS SRV target, each redirect. A listed
 * domain allows its sub-domains; an address (DHCP option 66 often gives one) is refused unless the
 * list names that address. A refused server is not contacted and counts as one that does not
 * answer: the next DHCP source or SRV target is tried; when none is left the rule fails as class
 * C ({@code Profile_Rule: host x is not in Restricted_Access_Domains (...)}), nothing is applied
 * and {@code Resync_Error_Retry_Delay} applies. The activation-code and EDOS/CDA servers are not
 * subject to it: the guide lists the profile, upgrade, report and custom CA rules (and SIP
 * proxies), and customization runs only on a phone that is not provisioned yet.</li>
 * </ul>
 *
 * <p>Not yet: the second, space-separated target URL of {@code Report_Rule} (a report rule takes
 * one URL for now), and the alias maps {@code --alias} names.
 */
package org.mppfw.provisioning.internal;
