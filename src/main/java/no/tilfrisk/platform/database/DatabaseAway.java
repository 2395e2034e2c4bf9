package no.tilfrisk.platform.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database is away (stopped, restarting, unreachable, or every connection of the pool
 * waited for in vain), as opposed to a fault in the request or the code. Such a request is answered 503 «try again
 * shortly», not 500 (issue 21, item 1).
 */
public final class DatabaseAway {

    private DatabaseAway() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && connectionLost(sql.getSQLState())) {
                return true;
            }
            // a rollback that failed on the broken connection hides the failure that made it roll back
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && causedBy(tx.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** Class 08 (connection exception), and the server shutting down or starting up (57P01, 57P02, 57P03). */
    private static boolean connectionLost(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
