/**
 * The input gate: is this a frontal chest radiograph that the TB model may score? DICOM header
 * rules (modality, view, body part), image rules (size, shape, colour measured before the
 * conversion to gray) and a content check (distance of pretrained image features to a bank of
 * chest films, {@code models/gate.onnx}). Every refusal carries a {@link org.cxrstudio.core.gate.RefusalReason}
 * and a message a clinician understands. Headless; ONNX Runtime is used only inside
 * {@link org.cxrstudio.core.gate.ContentCheck}.
 */
package org.cxrstudio.core.gate;
