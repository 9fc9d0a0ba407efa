package vn.communereport.province.summary;

import vn.communereport.province.progress.CommuneStatus;

/** A commune's column of the summary: its status, and its figures when its report is complete (and so counted). */
record SummaryColumn(CommuneStatus status, CommuneFigures figures) {

    boolean counted() {
        return figures != null;
    }
}
