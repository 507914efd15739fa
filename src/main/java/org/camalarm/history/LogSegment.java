package org.camalarm.history;

/** One segment file of the event or media log: its header, its first record id (0 while empty) and valid length. */
final class LogSegment {

    final SegmentFile.Header header;
    volatile long firstId;
    volatile long size;

    LogSegment(SegmentFile.Header header, long size) {
        this.header = header;
        this.size = size;
    }

    int number() {
        return header.number();
    }

    long created() {
        return header.created();
    }
}
