package no.tilfrisk.importer;

/** A file or a mapping that cannot be imported at all, with the message key (and its arguments) that says why. */
public class ImportRefusal extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public ImportRefusal(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
