package org.camalarm.rest;

import org.camalarm.history.HistoryListener;
import org.camalarm.history.StoredEvent;
import org.camalarm.live.LiveEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Puts every event the history writes (an alarm new or extended, a push result, a rule firing) on
 * the live stream as a {@code history} event, in the JSON shape of {@code GET /camalarm/api/events}
 * ({@link EventJson}).
 * Lives in {@code rest} because that shape does: {@code history} and {@code live} know nothing of
 * each other.
 */
@Component(service = HistoryListener.class)
public class HistoryLiveFeed implements HistoryListener {

    private final LiveEvents live;

    @Activate
    public HistoryLiveFeed(@Reference LiveEvents live) {
        this.live = live;
    }

    @Override
    public boolean listening() {
        return live.wantsHistory();
    }

    @Override
    public void stored(StoredEvent event) {
        live.historyEvent(EventJson.of(event));
    }
}
