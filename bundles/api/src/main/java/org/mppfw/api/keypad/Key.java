package org.mppfw.api.keypad;

/** The phone's keys. */
public enum Key {
    D0, D1, D2, D3, D4, D5, D6, D7, D8, D9, STAR, POUND,
    SOFT1, SOFT2, SOFT3, SOFT4,
    UP, DOWN, LEFT, RIGHT, SELECT, BACK, SETTINGS
}
