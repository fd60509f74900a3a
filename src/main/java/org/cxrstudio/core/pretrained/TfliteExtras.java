package org.cxrstudio.core.pretrained;

import org.cxrstudio.core.pretrained.TfliteTables.Model;
import org.cxrstudio.core.pretrained.TfliteTables.SubGraph;

import java.nio.ByteBuffer;

/**
 * Bounds checks for the parts of a model the importer does not use (description, metadata,
 * signatures, the other subgraphs and the operators' custom data): a file cut short anywhere is
 * reported as truncated instead of being half read.
 */
final class TfliteExtras {
    private static final int DESCRIPTION = 3;
    private static final int METADATA_BUFFER = 5;
    private static final int METADATA = 6;
    private static final int SIGNATURE_DEFS = 7;

    private TfliteExtras() {
    }

    /** A table with no decoded meaning here, only checked. */
    private static final class Any extends FbTable {
    }

    static void check(ByteBuffer buf, Model model, SubGraph g, String source, int nBuffers, int nTensors)
            throws PretrainedFormatException {
        model.string(DESCRIPTION);
        for (int b : model.ints(METADATA_BUFFER)) {
            index(b, nBuffers, source + " metadata buffer");
        }
        Any t = new Any();
        int n = model.vectorLength(METADATA, 4);
        for (int i = 0; i < n; i++) {
            t.attach(buf, model.tableElement(METADATA, i), source + " metadata " + i);
            t.string(0);
            index(t.intField(1, 0), nBuffers, t.what());
        }
        Any map = new Any();
        n = model.vectorLength(SIGNATURE_DEFS, 4);
        for (int i = 0; i < n; i++) {
            t.attach(buf, model.tableElement(SIGNATURE_DEFS, i), source + " signature " + i);
            for (int field = 0; field < 2; field++) {
                int m = t.vectorLength(field, 4);
                for (int j = 0; j < m; j++) {
                    map.attach(buf, t.tableElement(field, j), t.what() + " tensor map " + j);
                    map.string(0);
                    index(map.intField(1, 0), nTensors, map.what());
                }
            }
            t.string(2);
        }
        g.string(4);
        int ops = g.vectorLength(SubGraph.OPERATORS, 4);
        for (int i = 0; i < ops; i++) {
            t.attach(buf, g.tableElement(SubGraph.OPERATORS, i), source + " operator " + i);
            t.vectorLength(5, 1); // custom_options
            t.vectorLength(7, 1); // mutating_variable_inputs
            t.ints(8);            // intermediates
        }
        int graphs = model.vectorLength(Model.SUBGRAPHS, 4);
        for (int i = 1; i < graphs; i++) {
            t.attach(buf, model.tableElement(Model.SUBGRAPHS, i), source + " subgraph " + i);
        }
    }

    private static void index(int i, int count, String what) throws PretrainedFormatException {
        if (i < 0 || i >= count) {
            throw new PretrainedFormatException(what + ": index " + (i & 0xFFFFFFFFL) + " of " + count);
        }
    }
}
