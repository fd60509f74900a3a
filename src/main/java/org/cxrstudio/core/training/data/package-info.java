/**
 * Training data: labelled folders (labels CSVs in the format of {@code shared/data}), a seeded
 * train/validation split stratified by source and label, a sampler that makes the source carry
 * no label information, a memory-mapped preprocessed-tensor cache, and augmentation. JDK only
 * (plus the project's imaging and eval types): no DJL here, so it is testable without natives.
 */
package org.cxrstudio.core.training.data;
