/**
 * DICOM Part 10 parsing (meta header, implicit/explicit VR, both byte orders, deflate, sequences, encapsulated pixel data) and pixel-data codecs. Written in the project because dcm4che is not on Maven Central; proven against dcmtk in the tests.
 */
package org.cxrstudio.core.dicom;
