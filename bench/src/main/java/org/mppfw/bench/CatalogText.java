package org.mppfw.bench;

/**
 * Prints a variant of the shipped {@code catalog.tsv} for an image built to measure what the
 * catalog costs ({@code bench/catalog.sh}): {@code rows N}, its models and first N rows (the
 * catalog's size before the whole guides' catalog: 96 rows); {@code times K}, its rows K times.
 */
public final class CatalogText {

    private CatalogText() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[1]);
        if (args[0].equals("times")) {
            System.out.print(Catalogs.times(n));
            return;
        }
        StringBuilder b = new StringBuilder();
        int rows = 0;
        for (String line : Catalogs.shipped().split("\n")) {
            boolean row = !line.isBlank() && !line.startsWith("#") && !line.startsWith("@model");
            if (row && rows++ >= n) {
                continue;
            }
            b.append(line).append('\n');
        }
        System.out.print(b);
    }
}
