/**
 * The phone's local time, as Cisco's guides describe it: {@code Time_Zone} ({@code GMT},
 * {@code GMT+hh:mm}, {@code GMT-hh:mm}; factory {@code GMT-08:00}), plus
 * {@code Time_Offset__HH_mm_} ({@code HH/mm}), plus the save of
 * {@code Daylight_Saving_Time_Rule} while daylight saving time is on and
 * {@code Daylight_Saving_Time_Enable} is Yes (factory: Yes,
 * {@code start=3/-1/7/2;end=10/-1/7/2;save=1}). The host's clock stays the source of the instant;
 * the zone and its rule are the profile's, and change as soon as the parameters do.
 *
 * <p>Choices where the guides are unsure or silent:
 * <ul>
 * <li>The guides list {@code Time_Zone} choices with an ellipsis (GMT-12:00 to GMT+13:00 in
 * whole hours); profiles in use set half-hour zones. Any {@code GMT±h[h][:mm]} is accepted and
 * the catalog keeps the parameter a string.</li>
 * <li>{@code Time_Offset__HH_mm_} is added to the zone (the SPA guides: the time "can be further
 * offset"); a leading {@code -} makes it negative. DHCP option 2 is not used (as with
 * {@code Ignore_DHCP_Time_Offset} = Yes, its factory value).</li>
 * <li>The guide's text says "If day is 1, it means the weekday on or before the end of the month"
 * where its examples and every real profile write {@code -1}: a negative day counts from the
 * end of the month (-1 is the last day) and picks the weekday on or before it; a positive day
 * picks the weekday on or after it; weekday 0 is the exact date and takes a positive day. Days
 * -29 to -31, and days after the 28th of February, are refused: no year has them for every
 * month. Weekdays are 1 = Monday to 7 = Sunday.</li>
 * <li>Start and end times are wall-clock times, the start in standard time and the end in
 * daylight saving time (as {@code end=10/-1/7/3} matches the European Union's change at
 * 01:00 UTC); {@code save} may be negative; a zero save means standard time all year.</li>
 * <li>The guide's default omits {@code start=} ("3/-1/7/2;end=..."): the factory value is the
 * complete rule. {@code start}, {@code end} and {@code save} are all required.</li>
 * <li>A set of values that cannot be read is refused with one log line naming the parameter and
 * the reason; the zone in use stays (at power-up with no valid set ever: UTC).</li>
 * <li>The phone does not query NTP: {@code sys:time} shows the servers of the profile
 * ({@code Primary_NTP_Server}, {@code Secondary_NTP_Server}) that a real phone would use.</li>
 * </ul>
 */
package org.mppfw.config.internal.time;
