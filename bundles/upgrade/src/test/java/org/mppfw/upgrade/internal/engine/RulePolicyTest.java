package org.mppfw.upgrade.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.upgrade.internal.state.AttemptRecord;

/** What {@code Upgrade_Rule} asks for, evaluated by the provisioning bundle's rule evaluator. */
class RulePolicyTest {

    @TempDir
    Path dir;

    private EngineFixture phone;
    private RulePolicy policy;

    @BeforeEach
    void setUp() throws Exception {
        phone = new EngineFixture(dir);
        policy = new RulePolicy(phone.services, phone.firmware(), new Random(1));
    }

    private RulePolicy.Decision decide() {
        return policy.decide();
    }

    private void lastAttempt(String rule, boolean ok, Duration ago, int failures) throws Exception {
        new AttemptRecord(rule, EngineFixture.NEXT_URL, phone.clock.now().minus(ago), ok, ok ? "upgraded" : "failed",
                failures).write(phone.data);
    }

    @Test
    void noRuleAsksForNothing() {
        RulePolicy.Nothing n = assertInstanceOf(RulePolicy.Nothing.class, decide());
        assertEquals("no Upgrade_Rule", n.why());
        phone.store.put("Upgrade_Rule", "  ");
        assertInstanceOf(RulePolicy.Nothing.class, decide());
    }

    @Test
    void aRuleThatPicksNoImageAsksForNothing() {
        phone.store.put("Upgrade_Rule", "($SWVER ne sip8845." + EngineFixture.RUNNING + ")? " + EngineFixture.NEXT_RULE);
        RulePolicy.Nothing n = assertInstanceOf(RulePolicy.Nothing.class, decide());
        assertTrue(n.why().startsWith("Upgrade_Rule picks no image"), n.why());
    }

    @Test
    void aRuleThatNamesTheRunningVersionAsksForNothing() {
        phone.store.put("Upgrade_Rule", "http://fw.example/sip8845." + EngineFixture.RUNNING + ".loads");
        RulePolicy.Nothing n = assertInstanceOf(RulePolicy.Nothing.class, decide());
        assertEquals("Upgrade_Rule names the running version sip8845." + EngineFixture.RUNNING, n.why());
    }

    @Test
    void aNewImageStartsAnAttemptWithTheEffectiveUrl() {
        phone.store.put("Upgrade_Rule", EngineFixture.NEXT_RULE);
        RulePolicy.Start s = assertInstanceOf(RulePolicy.Start.class, decide());
        assertEquals(EngineFixture.NEXT_RULE, s.rule());
        assertEquals(EngineFixture.NEXT_URL, s.url());
    }

    @Test
    void theAssignmentsOfTheRuleAreAppliedBeforeTheAttempt() {
        phone.store.put("Phone-UI-User-Mode", "No").put("GPP_C", "");
        String rule = "(Phone-UI-User-Mode = \"Yes\"; c = \"$PN\";)! " + EngineFixture.NEXT_RULE;
        phone.store.put("Upgrade_Rule", rule);
        assertEquals(new RulePolicy.Start(rule, EngineFixture.NEXT_URL), decide());
        assertEquals("Yes", phone.store.get("Phone-UI-User-Mode"));
        assertEquals(EngineFixture.MODEL, phone.store.get("GPP_C"), "macros in values are expanded");
    }

    @Test
    void theAssignmentsApplyAlsoWhenTheRuleStartsNothing() {
        phone.store.put("Phone-UI-User-Mode", "No");
        phone.store.put("Upgrade_Rule", "(Phone-UI-User-Mode=\"Yes\")! http://fw.example/sip8845."
                + EngineFixture.RUNNING + ".loads");
        assertInstanceOf(RulePolicy.Nothing.class, decide());
        assertEquals("Yes", phone.store.get("Phone-UI-User-Mode"));
    }

    @Test
    void refusedAssignmentsMakeTheRuleUnusable() {
        phone.store.put("Phone-UI-User-Mode", "No");
        phone.store.put("Upgrade_Rule", "(Phone-UI-User-Mode = \"Yes\"; No_Such_Parameter = \"1\";)! "
                + EngineFixture.NEXT_RULE);
        RulePolicy.Unusable u = assertInstanceOf(RulePolicy.Unusable.class, decide());
        assertEquals("Upgrade_Rule: assignments refused: unknown parameter No_Such_Parameter", u.message());
        assertEquals("No", phone.store.get("Phone-UI-User-Mode"), "all of them or none");
    }

    @Test
    void aManualUpgradeInBetweenDoesNotMakeTheRuleFetchItsImageAgain() throws Exception {
        phone.store.put("Upgrade_Rule", EngineFixture.NEXT_RULE);
        lastAttempt(EngineFixture.NEXT_RULE, true, Duration.ofMinutes(2), 0);
        new AttemptRecord("", "http://fw.example:80/other.loads", phone.clock.now(), false, "404", 1).write(phone.data);
        assertEquals("", AttemptRecord.read(phone.data).rule());
        assertEquals(new RulePolicy.Nothing("tried already"), decide());
    }

    @Test
    void anImageThatSucceededIsNotTriedAgainUntilTheRuleChanges() throws Exception {
        phone.store.put("Upgrade_Rule", EngineFixture.NEXT_RULE);
        lastAttempt(EngineFixture.NEXT_RULE, true, Duration.ofDays(30), 0);
        assertEquals(new RulePolicy.Nothing("tried already"), decide());

        phone.store.put("Upgrade_Rule", "($PN eq " + EngineFixture.MODEL + ")? " + EngineFixture.NEXT_RULE);
        assertInstanceOf(RulePolicy.Start.class, decide());
    }

    @Test
    void aFailedImageWaitsForTheRetryDelayOfItsNthFailure() throws Exception {
        phone.store.put("Upgrade_Rule", EngineFixture.NEXT_RULE);
        phone.store.put("Upgrade_Error_Retry_Delay", "30,600,7200");
        lastAttempt(EngineFixture.NEXT_RULE, false, Duration.ofSeconds(10), 1);
        assertEquals(new RulePolicy.Later(Duration.ofSeconds(20)), decide(), "the first item, less the 10 s gone");
        lastAttempt(EngineFixture.NEXT_RULE, false, Duration.ofSeconds(10), 2);
        assertEquals(new RulePolicy.Later(Duration.ofSeconds(590)), decide(), "the second item");
        lastAttempt(EngineFixture.NEXT_RULE, false, Duration.ofSeconds(10), 7);
        assertEquals(new RulePolicy.Later(Duration.ofSeconds(7190)), decide(), "the last item repeats");
    }

    @Test
    void aFailedImageIsTriedAgainOnceItsDelayHasPassed() throws Exception {
        phone.store.put("Upgrade_Rule", EngineFixture.NEXT_RULE);
        phone.store.put("Upgrade_Error_Retry_Delay", "30,600");
        lastAttempt(EngineFixture.NEXT_RULE, false, Duration.ofSeconds(600), 2);
        assertEquals(new RulePolicy.Start(EngineFixture.NEXT_RULE, EngineFixture.NEXT_URL), decide());
    }

    @Test
    void aRetryDelayOfZeroMeansNoRetry() throws Exception {
        phone.store.put("Upgrade_Rule", EngineFixture.NEXT_RULE);
        phone.store.put("Upgrade_Error_Retry_Delay", "0");
        lastAttempt(EngineFixture.NEXT_RULE, false, Duration.ofDays(1), 1);
        assertEquals(new RulePolicy.Nothing("Upgrade_Error_Retry_Delay says no retry"), decide());
    }

    @Test
    void aRuleThatDoesNotParseIsUnusable() {
        phone.store.put("Upgrade_Rule", "($A eq 1)? /fw.loads");
        RulePolicy.Unusable u = assertInstanceOf(RulePolicy.Unusable.class, decide());
        assertTrue(u.message().startsWith("Upgrade_Rule: "), u.message());
    }

    /**
     * Without a rule evaluator or a macro source the rule cannot be used. A missing service is waited
     * for ({@link Services#WAIT}, in case it is being replaced); an interrupted caller stops waiting
     * at once, which is how this test says that none is coming without spending that time.
     */
    @Test
    void noRuleServiceOrNoMacroServiceMakesTheRuleUnusable() {
        phone.store.put("Upgrade_Rule", EngineFixture.NEXT_RULE);
        Services s = phone.services;
        Services noRules = new Services(s.store(), s.identity(), s.clock(), s.signatures(),
                new ServiceSlot<ProvisioningRules>("provisioning rule service"), s.macros(), s.log(), s.power(),
                s.provisioning(), s.lines(), s.transports());
        Services noMacros = new Services(s.store(), s.identity(), s.clock(), s.signatures(), s.rules(),
                new ServiceSlot<PhoneMacros>("macro service"), s.log(), s.power(), s.provisioning(), s.lines(),
                s.transports());
        assertEquals(new RulePolicy.Unusable("Upgrade_Rule: no provisioning rule service is running"),
                decideInterrupted(noRules));
        assertEquals(new RulePolicy.Unusable("Upgrade_Rule: no macro service is running"),
                decideInterrupted(noMacros));
    }

    private RulePolicy.Decision decideInterrupted(Services services) {
        Thread.currentThread().interrupt();
        try {
            return new RulePolicy(services, phone.firmware(), new Random(1)).decide();
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        }
    }
}
