package vn.communereport.collection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import jakarta.persistence.EntityManagerFactory;

/**
 * A commune's open periods (every report's), read once per transaction: a turn asks for them several times (which
 * reports are open, then the period the answer goes to), and within one transaction the rows are the same entities
 * anyway. Nothing outlives the transaction, so another instance's changes are seen by the next turn. Any change to a
 * period's status through {@link PeriodService} forgets what was read.
 */
@Component
class OpenPeriodsInTransaction {

    private final EntityManagerFactory factory;
    /** Keyed by the transaction's entity manager holder: a new one for every transaction, gone with it. */
    private final Map<Object, Map<String, List<ReportingPeriod>>> byTransaction = new WeakHashMap<>();

    OpenPeriodsInTransaction(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** The commune's open periods, loaded by {@code load} the first time in this transaction. */
    List<ReportingPeriod> of(String communeCode, Function<String, List<ReportingPeriod>> load) {
        Object holder = holder();
        if (holder == null) {
            return load.apply(communeCode);
        }
        synchronized (byTransaction) {
            Map<String, List<ReportingPeriod>> communes = byTransaction.computeIfAbsent(holder, h -> new HashMap<>());
            List<ReportingPeriod> open = communes.get(communeCode);
            if (open == null) {
                open = List.copyOf(load.apply(communeCode));
                communes.put(communeCode, open);
            }
            return open;
        }
    }

    /** A period was opened, closed or created in this transaction: read again next time. */
    void forget() {
        Object holder = holder();
        if (holder != null) {
            synchronized (byTransaction) {
                byTransaction.remove(holder);
            }
        }
    }

    private Object holder() {
        Object holder = TransactionSynchronizationManager.getResource(factory);
        return holder instanceof EntityManagerHolder && TransactionSynchronizationManager.isActualTransactionActive() ? holder : null;
    }
}
