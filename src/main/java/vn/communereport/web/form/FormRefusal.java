package vn.communereport.web.form;

import org.springframework.http.HttpStatus;

/** A request the form will not serve: the status and the Vietnamese reason (a message key with its arguments). */
class FormRefusal extends RuntimeException {

    final HttpStatus status;
    final String reasonKey;
    final transient Object[] args;

    FormRefusal(HttpStatus status, String reasonKey, Object... args) {
        super(reasonKey, null, false, false);
        this.status = status;
        this.reasonKey = reasonKey;
        this.args = args;
    }
}
