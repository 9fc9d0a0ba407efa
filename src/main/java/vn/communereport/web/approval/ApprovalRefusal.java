package vn.communereport.web.approval;

import org.springframework.http.HttpStatus;

/** An approval request refused whole: its status and the Vietnamese reason (a message key); nothing has changed. */
class ApprovalRefusal extends RuntimeException {

    final HttpStatus status;
    final String reasonKey;

    ApprovalRefusal(HttpStatus status, String reasonKey) {
        super(reasonKey, null, false, false);
        this.status = status;
        this.reasonKey = reasonKey;
    }
}
