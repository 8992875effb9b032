/**
 * The display bundle: the LCD's screen model ({@code DisplayService}), its text and PNG
 * renderers, the provisioning, upgrade and call screens ({@code CallScreens}: ringing with Answer
 * and Decline, connected with End call, drawn from the line state's calls), and the menus the
 * keypad drives ({@code Menus}, with {@code Prompts} and {@code AdminGate}; a call screen takes
 * the keys before them).
 *
 * <p>Readings chosen where Cisco's guides leave room (reference §3.1, Access Control
 * Configuration of the MPP admin guides):
 * <ul>
 * <li><b>Who the phone screen is.</b> The guides say the phone screen honours {@code ua} only
 * when {@code Phone-UI-User-Mode} is Yes (default No), and that {@code ua} never affects the
 * Admin account. With Yes the screen is the User: a parameter the menus change is written as the
 * User, refused unless its {@code ua} is {@code rw}, and marks the value user-set. With No (the
 * factory setting) the screen "acts as admin": {@code ua} does not apply, changes are written as
 * the Admin (not user-set, the parameter's {@code ua} left as it is). So a factory phone takes a
 * profile rule from Settings &gt; Device administration &gt; Profile rule and resyncs, as the
 * seed's "Manually Provision a Phone from the Keypad" describes.</li>
 * <li><b>Menu switches.</b> {@code Profile_Rule_Menu}, {@code Factory_Reset_Menu} and
 * {@code User_Configurable_Resync} are about the phone screen's menus, whoever uses them: they
 * close their items in both modes. {@code User_Configurable_Resync} = No also closes the Resync
 * soft key of the idle screen and the Profile rule item (the guide: "the Profile rule parameter
 * isn't displayed").</li>
 * <li><b>The admin password on the phone screen.</b> The guides describe the admin password for
 * the web pages only. Chosen: once {@code Admin_Password} is not empty and the screen is the
 * Admin, the admin pages (Device administration and what it opens: Profile rule, Resync, Factory
 * reset) ask for it on an "Admin password" page, typed with the keys like any text and shown as
 * one {@code *} a character. Status, Product information and the idle screen's soft keys need no
 * password. With {@code Phone-UI-User-Mode} = Yes no admin password is asked: the User's rights
 * are the parameters' {@code ua}.</li>
 * <li><b>The admin session</b> lasts until the screen leaves the admin pages (Back to Settings,
 * the Settings key, the idle screen after a resync, any screen the phone raises by itself) or five
 * minutes after the last key pressed on them, on the phone's clock. No timer runs: the first key
 * after the time-out brings the password page. A display that comes back after an update shows
 * the page it showed, and its first key asks for the password again.</li>
 * <li><b>Wrong entries</b> show "Wrong password" on the password page. The first two in a row
 * cost nothing; from the third on the page refuses entries for 30 s, doubling at each further
 * wrong entry up to 15 minutes; an entry during the wait is not checked. A right entry starts
 * the count again. The count lives in memory: a restart clears it (and takes longer than the
 * first wait).</li>
 * <li><b>Secrets.</b> A password being typed lives only in the menus' objects, never in the
 * screen model, the screen file kept across updates, or a log line; a profile rule holding
 * {@code --key}, {@code --uid} or {@code --pwd} is never put on the screen.</li>
 * </ul>
 */
package org.mppfw.display.internal;
