package org.campuslake.ingest;

import java.util.Arrays;

/** A growable list of primitive keys (table keys): a day's keys at SF10 are millions, too many for boxed sets. */
public final class LongList {
    private long[] a = new long[1024];
    private int n;

    public int size() { return n; }

    public long get(int i) { return a[i]; }

    public void add(long v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    /** Sorted, duplicates (a key landed on several dates) removed. */
    public long[] sorted() {
        long[] s = Arrays.copyOf(a, n);
        Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (m == 0 || s[i] != s[m - 1]) {
                s[m++] = s[i];
            }
        }
        return Arrays.copyOf(s, m);
    }
}
