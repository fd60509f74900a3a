package org.cxrstudio.ui.viewer;

import org.cxrstudio.core.imaging.WindowLevel;
import org.cxrstudio.ui.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * A named window/level choice for the preset menu. Presets are derived from the image rather
 * than fixed numbers, because CR/DX chest films have no calibrated unit (unlike CT Hounsfield):
 * the pipeline default, each window stored in the file, the full stored range, and the default
 * narrowed or widened for contrast.
 *
 * @param name   label shown in the menu
 * @param window modality units; {@code null} for the file's VOI LUT
 */
public record WindowPreset(String name, WindowLevel window) {

    @Override
    public String toString() {
        return name;
    }

    /** The presets for one opened image, default first. */
    public static List<WindowPreset> forImage(OpenedImage img) {
        List<WindowPreset> out = new ArrayList<>();
        WindowLevel d = img.defaultWindow();
        out.add(new WindowPreset(Messages.get("preset.default"), img.defaultsToVoiLut() ? null : d));
        if (img.defaultsToVoiLut()) {
            out.add(new WindowPreset(Messages.get("preset.percentile"), d));
        }
        int n = 1;
        for (WindowLevel w : img.image().windows()) {
            out.add(new WindowPreset(Messages.format("preset.file", n++), w));
        }
        out.add(new WindowPreset(Messages.get("preset.full"), img.range().fullWindow(img.image())));
        out.add(new WindowPreset(Messages.get("preset.high"), new WindowLevel(d.center(), Math.max(1, d.width() / 2))));
        out.add(new WindowPreset(Messages.get("preset.low"), new WindowLevel(d.center(), d.width() * 2)));
        return out;
    }
}
