package ai.switchboard.gateway.agent.schedule;

/** What a won firing does: starts the schedule's run. Blocking, on the ticker's thread. */
@FunctionalInterface
public interface ScheduleFiring {

    /** The id of the run started; throws with the reason when none could be. */
    String fire(DueSchedule schedule);
}
