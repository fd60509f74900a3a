/**
 * The training panel: distil a student from a teacher checkpoint on the user's own images,
 * watch it learn, and hand the exported model to the viewer. {@link org.cxrstudio.ui.training.TrainingViewModel}
 * holds the form and the run state (properties only); {@link org.cxrstudio.ui.training.TrainingView}
 * binds to it; the training itself is behind {@link org.cxrstudio.ui.training.TrainingBackend},
 * which the composition root implements with {@code core.training.Trainer}.
 */
package org.cxrstudio.ui.training;
