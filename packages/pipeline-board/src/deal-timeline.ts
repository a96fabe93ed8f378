import type { Msg } from '@chorus/core';
import { plainText } from '@chorus/core';
import type { Activity } from '@chorus/sdk';
import { html, nothing } from 'lit';

/** The kinds of task the schedule form offers. */
export const taskTypes = ['call', 'email', 'meeting', 'note'] as const;

/**
 * A deal's open tasks (soonest first, overdue said in words, each done with one button) and its
 * latest activity. Undefined lists are still loading and show nothing yet.
 */
export function renderTimeline(
  tasks: readonly Activity[] | undefined,
  activities: readonly Activity[] | undefined,
  on: {
    msg: Msg;
    when: (time: string) => string;
    overdue: (task: Activity) => boolean;
    complete: (task: Activity) => void;
  },
) {
  const { msg } = on;
  const kind = (activity: Activity) => msg(`dealCard.activity.${activity.type}`);
  return html`<section part="tasks" aria-labelledby="tasks">
      <h3 id="tasks">${msg('dealCard.tasks')}</h3>
      ${
        tasks?.length === 0
          ? html`<p class="muted">${msg('dealCard.noTasks')}</p>`
          : html`<ul class="list">
            ${(tasks ?? []).map((task) => {
              const late = on.overdue(task);
              return html`<li class=${late ? 'overdue' : ''}>
                <span class="kind">${kind(task)}</span>
                <span dir="auto">${plainText(task.body)}</span>
                <span>${msg(late ? 'dealCard.overdue' : 'dealCard.due', { date: on.when(task.dueAt!) })}</span>
                <button class="button" aria-label=${msg('dealCard.doneLabel', { task: task.body || kind(task) })} @click=${() => on.complete(task)}>
                  ${msg('dealCard.done')}
                </button>
              </li>`;
            })}
          </ul>`
      }
    </section>
    <section part="activity" aria-labelledby="activity">
      <h3 id="activity">${msg('dealCard.activity')}</h3>
      ${
        activities?.length === 0
          ? html`<p class="muted">${msg('dealCard.noActivity')}</p>`
          : html`<ul class="list">
            ${(activities ?? []).map(
              (activity) => html`<li>
                <span class="kind">${kind(activity)}</span>
                <span dir="auto">${plainText(activity.body)}</span>
                <time datetime=${activity.occurredAt}>${activity.completedAt ? on.when(activity.occurredAt) : nothing}</time>
              </li>`,
            )}
          </ul>`
      }
    </section>`;
}

/** Schedules a task on the deal: its kind, what to do and when it is due. */
export function renderSchedule(msg: Msg, types: readonly string[], submit: (event: SubmitEvent) => void) {
  return html`<form class="schedule" aria-labelledby="schedule" @submit=${submit}>
    <h3 id="schedule">${msg('dealCard.schedule')}</h3>
    <label for="task-type">${msg('dealCard.taskType')}</label>
    <select id="task-type" name="type">
      ${types.map((type) => html`<option value=${type}>${msg(`dealCard.activity.${type}`)}</option>`)}
    </select>
    <label for="task-body">${msg('dealCard.taskBody')}</label>
    <input id="task-body" name="body" maxlength="2000" />
    <label for="task-due">${msg('dealCard.taskDue')}</label>
    <input id="task-due" name="due" type="datetime-local" required />
    <div class="row"><button class="button primary" type="submit">${msg('dealCard.scheduleButton')}</button></div>
  </form>`;
}
