package no.tilfrisk.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean «the database is away» (503) and which are faults (500) or bad input (400). */
class DatabaseAwayTest {

    @Test
    void theFailuresOfADatabaseThatIsAwayAreRecognisedThroughTheirWrappers() {
        // the pool waited in vain (Hikari), as the transaction manager and a filter wrap it
        var poolTimeout = new SQLTransientConnectionException("tilfrisk - Connection is not available, request timed out");
        assertThat(DatabaseAway.causedBy(new ServletException(new CannotCreateTransactionException("x", poolTimeout)))).isTrue();
        // the server shut down under an open connection
        var shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(DatabaseAway.causedBy(new DataAccessResourceFailureException("select", shutdown))).isTrue();
        assertThat(DatabaseAway.causedBy(new SQLException("Connection refused", "08001", new ConnectException()))).isTrue();
        // the rollback failed on the broken connection and hides the failure that caused it
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("select", shutdown));
        assertThat(DatabaseAway.causedBy(new ServletException(rollback))).isTrue();
    }

    @Test
    void faultsAndRefusedInputAreNotTheDatabaseBeingAway() {
        assertThat(DatabaseAway.causedBy(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseAway.causedBy(new DataIntegrityViolationException("x",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseAway.causedBy(new TransactionSystemException("commit failed",
                new SQLException("serialization failure", "40001")))).isFalse();
        assertThat(DatabaseAway.causedBy(new SQLException("no state"))).isFalse();
    }
}
