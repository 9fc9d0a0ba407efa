package vn.communereport.web.form;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.conversation.PartSubmission;
import vn.communereport.messaging.Outbox;

/** Hands the part in from the form, as the chat does, and leaves the notices for colleagues and the office in the outbox. */
@Service
class FormSubmitting {

    private final PartSubmission submission;
    private final Outbox outbox;

    FormSubmitting(PartSubmission submission, Outbox outbox) {
        this.submission = submission;
        this.outbox = outbox;
    }

    /** In one transaction: the submission stands or falls with its notices. */
    @Transactional
    PartSubmission.Result submit(FormPart part) {
        PartSubmission.Result result = submission.submit(part.member(), part.scope(), part.period(), part.flow());
        outbox.enqueue(result.notices());
        return result;
    }
}
