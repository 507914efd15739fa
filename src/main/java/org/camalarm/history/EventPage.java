package org.camalarm.history;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One page of a query, newest first.
 *
 * @param next where the next page starts (pass it as {@link EventFilter#before}), or {@code null}
 *             when there is nothing more. A page may hold fewer events than asked for and still have
 *             a next one: a query reads a bounded number of records per page.
 */
public record EventPage(List<StoredEvent> events, @Nullable EventId next) {}
