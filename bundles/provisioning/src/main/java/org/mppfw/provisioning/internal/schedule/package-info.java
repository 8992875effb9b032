/**
 * When the phone resyncs: the power-up delay, {@code Resync_Periodic}, {@code Resync_At__HHmm_}
 * and the retry list.
 *
 * <p>{@code Resync_At__HHmm_} is a time of the phone's local time, whose rules the clock gives
 * ({@code Time_Zone}, {@code Time_Offset__HH_mm_}, {@code Daylight_Saving_Time_Rule}). The guides
 * do not say what the phone does on the nights the clock changes; the choice here: it runs once
 * that day. A time that the change skips runs as much later as the change is long (02:30 when
 * 02:00 becomes 03:00 runs at 03:30 summer time); a time that comes twice runs at its first
 * coming (02:30 summer time when 03:00 becomes 02:00), and the next one planned is the next
 * day's.
 */
package org.mppfw.provisioning.internal.schedule;
