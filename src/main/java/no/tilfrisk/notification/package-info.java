/**
 * Notices by e-mail (Spring Mail) and SMS ({@link no.tilfrisk.notification.SmsGateway}) to participants, with their
 * consent to the channel, and to staff; and the log of what was sent. Other modules call
 * {@link no.tilfrisk.notification.Notifications}; the invitations to «Min side» send through
 * {@link no.tilfrisk.notification.Email}.
 */
package no.tilfrisk.notification;
