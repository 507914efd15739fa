package org.camalarm.history;

/**
 * Where a JPEG lies in the media log.
 *
 * @param position the media record's position ({@link SegmentFile#position})
 * @param length   the JPEG's length in bytes
 */
public record MediaRef(long position, int length) {}
