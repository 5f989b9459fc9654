package io.tickwire.engine.setups;

import io.tickwire.codecs.sbe.AlertType;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.SetupRejection;
import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.codecs.sbe.SetupTransitionEncoder;
import io.tickwire.codecs.sbe.TacticalAlertEncoder;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.MarketEvent;
import org.agrona.ExpandableArrayBuffer;

/**
 * Writes the evaluator's records — setup transitions and tactical alerts — into the cause's setupOutput as
 * {@code [int32 length][SBE message]}, for the output journal. Each record cites the input index of its cause.
 */
final class SetupRecords
{
    private final long alertCooldownNanos;
    private final EngineCounters counters;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final SetupTransitionEncoder transitionEncoder = new SetupTransitionEncoder();
    private final TacticalAlertEncoder alertEncoder = new TacticalAlertEncoder();

    SetupRecords(final long alertCooldownNanos, final EngineCounters counters)
    {
        this.alertCooldownNanos = alertCooldownNanos;
        this.counters = counters;
    }

    void transition(final MarketEvent cause, final long eventTime, final Setup s, final int from, final int to,
        final long price)
    {
        final int at = cause.setupOutputLength;
        begin(cause, at, eventTime, s.id, s.owner, s.symbolId, from, to, price)
            .entryPrice(s.entryPrice)
            .stop(s.stop)
            .target1(s.target1)
            .target2(s.target2)
            .rejection(SetupRejection.NONE)
            .entryLow(s.entryLow)
            .entryHigh(s.entryHigh);
        commit(cause, at, SetupTransitionEncoder.BLOCK_LENGTH);
    }

    /** A refused command: the setup (if any) is unchanged; the record names the command's id and the reason. */
    void rejected(final MarketEvent cause, final long eventTime, final SetupRejection why)
    {
        final int state = SetupState.REJECTED.value();
        final int at = cause.setupOutputLength;
        begin(cause, at, eventTime, cause.setupId, cause.owner, cause.symbolId, state, state, 0)
            .entryPrice(0)
            .stop(cause.stop)
            .target1(cause.target1)
            .target2(cause.target2)
            .rejection(why)
            .entryLow(Math.min(cause.entryLow, cause.entryHigh))
            .entryHigh(Math.max(cause.entryLow, cause.entryHigh));
        commit(cause, at, SetupTransitionEncoder.BLOCK_LENGTH);
    }

    /** A transition's header and identity; the caller sets its levels, then commits. */
    private SetupTransitionEncoder begin(final MarketEvent cause, final int at, final long eventTime,
        final long setupId, final long owner, final int symbolId, final int from, final int to, final long price)
    {
        final ExpandableArrayBuffer out = cause.setupOutput;
        out.checkLimit(at + 4 + MessageHeaderEncoder.ENCODED_LENGTH + SetupTransitionEncoder.BLOCK_LENGTH);
        return transitionEncoder.wrapAndApplyHeader(out, at + 4, headerEncoder)
            .eventTime(eventTime)
            .receiveTime(cause.receiveTime)
            .setupId(setupId)
            .symbolId(symbolId)
            .fromState(SetupState.get((short)from))
            .toState(SetupState.get((short)to))
            .price(price)
            .causeIndex(cause.inputIndex)
            .owner(owner);
    }

    /**
     * Through the per-setup, per-type cool-down: a burst yields one alert, and the next one says how many were
     * held back in between.
     */
    void alert(final MarketEvent cause, final long eventTime, final Setup s, final int type, final long price,
        final double value)
    {
        if (eventTime - s.lastAlert[type] < alertCooldownNanos)
        {
            s.heldBack[type]++;
            counters.alertsHeldBack.incrementRelease();
            return;
        }
        final ExpandableArrayBuffer out = cause.setupOutput;
        final int at = cause.setupOutputLength;
        out.checkLimit(at + 4 + MessageHeaderEncoder.ENCODED_LENGTH + TacticalAlertEncoder.BLOCK_LENGTH);
        alertEncoder.wrapAndApplyHeader(out, at + 4, headerEncoder)
            .eventTime(eventTime)
            .receiveTime(cause.receiveTime)
            .setupId(s.id)
            .symbolId(s.symbolId)
            .alertType(AlertType.get((short)type))
            .price(price)
            .value(value)
            .causeIndex(cause.inputIndex)
            .coalesced(s.heldBack[type]);
        commit(cause, at, TacticalAlertEncoder.BLOCK_LENGTH);
        s.lastAlert[type] = eventTime;
        s.heldBack[type] = 0;
        counters.alerts[type].incrementRelease();
    }

    private static void commit(final MarketEvent cause, final int at, final int blockLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + blockLength;
        cause.setupOutput.putInt(at, length);
        cause.setupOutputLength = at + 4 + length;
    }
}
