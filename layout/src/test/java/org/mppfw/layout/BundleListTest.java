package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BundleListTest {

    private static final List<String> LIST = List.of(
            "# comment",
            "1 bundles/slf4j-api.jar",
            "",
            "2 bundles/org.apache.felix.scr.jar   # trailing comment",
            "2\tbundles/mppfw-config.jar",
            "3 bundles/org.apache.felix.gogo.jline.jar");

    @Test
    void parsesLevelsAndPathsInOrder() {
        BundleList list = BundleList.parse(LIST);
        assertEquals(List.of(
                new BundleList.Entry(1, "bundles/slf4j-api.jar"),
                new BundleList.Entry(2, "bundles/org.apache.felix.scr.jar"),
                new BundleList.Entry(2, "bundles/mppfw-config.jar"),
                new BundleList.Entry(3, "bundles/org.apache.felix.gogo.jline.jar")), list.entries());
    }

    @Test
    void batchModeLeavesTheShellOut() {
        BundleList list = BundleList.parse(LIST);
        List<BundleList.Entry> batch = list.forMode(false);
        assertEquals(3, batch.size());
        assertTrue(batch.stream().noneMatch(e -> e.path().contains("jline")));
        assertEquals(2, BundleList.targetLevel(batch));
        assertEquals(4, list.forMode(true).size());
        assertEquals(3, BundleList.targetLevel(list.forMode(true)));
    }

    @Test
    void rejectsMalformedLinesWithTheirNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BundleList.parse(List.of("1 bundles/a.jar", "x bundles/b.jar")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BundleList.parse(List.of("1")));
        assertThrows(IllegalArgumentException.class, () -> BundleList.parse(List.of("1 a.jar b.jar")));
        assertThrows(IllegalArgumentException.class, () -> BundleList.parse(List.of("0 bundles/a.jar")));
        assertThrows(IllegalArgumentException.class, () -> BundleList.parse(List.of("4 bundles/a.jar")));
        assertThrows(IllegalArgumentException.class, () -> BundleList.parse(List.of("# nothing")));
    }

    @Test
    void rejectsPathsOutsideTheImageAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> BundleList.parse(List.of("2 /etc/evil.jar")));
        assertThrows(IllegalArgumentException.class, () -> BundleList.parse(List.of("2 ../evil.jar")));
        assertThrows(IllegalArgumentException.class, () -> BundleList.parse(List.of("2 bundles/../../evil.jar")));
        assertThrows(IllegalArgumentException.class, () -> BundleList.parse(List.of("2 bundles/readme.txt")));
        assertThrows(IllegalArgumentException.class,
                () -> BundleList.parse(List.of("1 bundles/a.jar", "2 bundles/a.jar")));
    }
}
