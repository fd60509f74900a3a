package org.cxrstudio.core.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StringsTest {

    @Test
    void orEmptyMapsNullToEmptyAndKeepsWhiteSpace() {
        assertEquals("", Strings.orEmpty(null));
        assertEquals("", Strings.orEmpty(""));
        assertEquals(" a b ", Strings.orEmpty(" a b "));
    }

    @Test
    void strippedOrEmptyMapsNullToEmptyAndStrips() {
        assertEquals("", Strings.strippedOrEmpty(null));
        assertEquals("", Strings.strippedOrEmpty(" \t\n"));
        assertEquals("a b", Strings.strippedOrEmpty(" a b\u2003"));
    }
}
