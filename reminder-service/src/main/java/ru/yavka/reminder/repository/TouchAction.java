package ru.yavka.reminder.repository;

/** A message goes to the patient through ReminderDue; the no-show check calls booking-service. */
public enum TouchAction {
    MESSAGE, NO_SHOW_CHECK
}
