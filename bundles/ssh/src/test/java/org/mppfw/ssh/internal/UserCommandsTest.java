package org.mppfw.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;

class UserCommandsTest {

    @TempDir
    Path data;
    ParameterStoreImpl store;
    final List<String> ran = new ArrayList<>();
    UserCommands commands;

    @BeforeEach
    void open() throws Exception {
        store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        store.set("Station_Name", "Reception", ChangeSource.ADMIN);
        store.set("User_Password", "user-secret", ChangeSource.ADMIN);
        store.set("GPP_A", "hidden", ChangeSource.ADMIN);
        commands = new UserCommands(store, fixed -> {
            ran.add(fixed);
            return "ran " + fixed;
        });
    }

    private String run(String line, int status) {
        StringWriter out = new StringWriter();
        assertEquals(status, commands.run(line, new PrintWriter(out, true)), line);
        return out.toString();
    }

    @Test
    void theFixedCommandsRunAsTheListsOwnText() {
        assertEquals("ran prov:status\n", run("prov:status", 0));
        assertEquals("ran lcd:show\n", run("  lcd:show ", 0));
        assertEquals(List.of("prov:status", "lcd:show"), ran);
        assertTrue(run("prov:status now", 1).contains("takes no arguments"));
        assertEquals(2, ran.size());
    }

    @Test
    void paramGetReadsOnlyWhatTheUserAccountMaySee() {
        assertEquals("Reception\n", run("param:get Station_Name", 0));
        String secret = run("param:get User_Password", 1);
        assertTrue(secret.contains("no parameter 'User_Password' readable at user level"), secret);
        assertTrue(!secret.contains("user-secret"), secret);
        assertEquals(run("param:get NoSuchName", 1).replace("NoSuchName", "X"),
                run("param:get GPP_A", 1).replace("GPP_A", "X"), "a hidden parameter answers as an unknown one");
        assertTrue(run("param:get SSH_Password", 1).contains("readable at user level"));
        assertTrue(ran.isEmpty(), "param:get never goes through Gogo");
    }

    @Test
    void nothingElseRunsAndNoGogoSyntaxGetsThrough() throws Exception {
        for (String line : List.of("param:set GPP_A x", "param:set Station_Name x", "lb", "stop 0", "sys:reboot",
                "lcd:live", "fw:upgrade x", "help:x", "(bundle 0) stop", "{ param:set GPP_A x }", "$.context",
                "prov:status; stop 0", "prov:status | grep x", "${.context}")) {
            run(line, 1);
        }
        assertTrue(ran.isEmpty(), "ran: " + ran);
        assertEquals("hidden", store.get("GPP_A"));
        assertEquals("Reception", store.get("Station_Name"));
        assertTrue(run("help", 0).contains("param:get NAME"));
    }
}
