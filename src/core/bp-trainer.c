/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-trainer.c: the worker thread
 *
 * All shared fields are guarded by `lock`; the worker holds it only to
 * read requests and publish a chunk, never while training.  Chunks adapt
 * to about CHUNK_TARGET_US of work, so a stop, pause or step lands within
 * about half a millisecond (or one epoch, for a huge class).  `stop_flag`
 * is atomic so that stop never waits for the lock.
 */
#include "bp-trainer.h"

#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <time.h>
#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

/* Epochs per chunk: enough to amortise the lock, few enough that pause,
 * step and progress stay within about a millisecond. */
#define CHUNK_MIN 1
#define CHUNK_MAX 8192
#define CHUNK_TARGET_US 500

struct _BpTrainer
{
  /* POSIX rather than GMutex/GCond: GLib's futex-based locks are invisible
   * to ThreadSanitizer, which then reports every guarded access as a race;
   * with pthreads the trainer's tests run clean under it. */
  pthread_mutex_t lock;
  pthread_cond_t  cond;     /* on CLOCK_MONOTONIC, like g_get_monotonic_time */
  GThread        *thread;

  BpDataset      *train;
  BpDataset      *test;
  BpTrainerConfig config;

  /* guarded by lock */
  BpProgress      progress;
  BpHistory       history;
  guint64         history_version;
  gboolean        paused;
  guint64         steps_wanted;   /* epochs to run while paused */
  guint           samples_wanted; /* people to train on while paused */
  gboolean        resting;        /* the worker waits in wait_for_work() */
  double          pace;

  gint            stop_flag;      /* atomic */
};

static BpDataset *
dataset_copy (const BpDataset *src)
{
  BpDataset *copy;

  if (src == NULL)
    return NULL;
  copy = bp_dataset_new (src->n);
  memcpy (copy->x0, src->x0, src->n * sizeof (double));
  memcpy (copy->x1, src->x1, src->n * sizeof (double));
  memcpy (copy->y, src->y, src->n * sizeof (double));
  return copy;
}

static void
locks_init (BpTrainer *self)
{
  pthread_condattr_t attr;

  pthread_mutex_init (&self->lock, NULL);
  pthread_condattr_init (&attr);
  pthread_condattr_setclock (&attr, CLOCK_MONOTONIC);
  pthread_cond_init (&self->cond, &attr);
  pthread_condattr_destroy (&attr);
}

/* Waits on the condition until @due_us (monotonic, as from
 * g_get_monotonic_time); returns FALSE once the time has passed. */
static gboolean
cond_wait_until (BpTrainer *self,
                 gint64     due_us)
{
  struct timespec due = {
    .tv_sec = due_us / G_USEC_PER_SEC,
    .tv_nsec = (due_us % G_USEC_PER_SEC) * 1000,
  };

  return pthread_cond_timedwait (&self->cond, &self->lock, &due) == 0;
}

/* The trainer keeps its own copies of the data, so the caller may edit or
 * free the people while a run goes on. */
BpTrainer *
bp_trainer_new (const BpDataset       *train,
                const BpDataset       *test,
                const BpTrainerConfig *config)
{
  BpTrainer *self = g_new0 (BpTrainer, 1);

  locks_init (self);
  self->train = dataset_copy (train);
  self->test = test != NULL && test->n > 0 ? dataset_copy (test) : NULL;
  self->config = *config;
  self->pace = config->epochs_per_second;
  self->progress.state = BP_TRAINER_IDLE;
  self->progress.epochs = config->epochs;
  self->progress.target_loss = config->target_loss;
  self->progress.params = config->initial;
  self->progress.loss = bp_network_loss (&config->initial, self->train);
  self->progress.test_loss = self->test ? bp_network_loss (&config->initial, self->test) : NAN;
  bp_history_init (&self->history);
  self->history.n_people = MIN (self->train->n, BP_HISTORY_MAX_PEOPLE);
  return self;
}

void
bp_trainer_free (BpTrainer *self)
{
  if (self == NULL)
    return;
  bp_trainer_stop (self);
  bp_history_clear (&self->history);
  bp_dataset_free (self->train);
  bp_dataset_free (self->test);
  pthread_mutex_destroy (&self->lock);
  pthread_cond_destroy (&self->cond);
  g_free (self);
}

/* The parameters and predictions after some epoch of a chunk. */
typedef struct
{
  guint64  end;        /* epochs into the chunk */
  BpParams params;
  double   predictions[BP_HISTORY_MAX_PEOPLE];
} Sample;

/* Samples a chunk may take; a chunk that needs more ends early. */
#define MAX_SAMPLES 64

typedef struct
{
  guint64  n;          /* epochs run */
  BpParams params;
  double   loss[CHUNK_MAX];
  double   test_loss[CHUNK_MAX];
  Sample   samples[MAX_SAMPLES];
  guint    n_samples;
  gboolean diverged;
  gboolean reached;    /* the last epoch's loss is below the target */
  BpAhead  ahead;      /* kept from chunk to chunk */
} Chunk;

static void
take_sample (BpTrainer *self,
             Chunk     *chunk)
{
  Sample *sample = &chunk->samples[chunk->n_samples++];
  const BpDataset *d = self->train;

  sample->end = chunk->n;
  sample->params = chunk->params;
  for (guint i = 0; i < self->history.n_people; i++)
    sample->predictions[i] = bp_network_feedforward (&chunk->params, d->x0[i], d->x1[i]);
}

/* Trains up to where the sampled series' open bucket ends (or @n), and
 * samples there.  Splitting the epochs changes none of their results. */
static void
run_segment (BpTrainer *self,
             Chunk     *chunk,
             guint64    epoch0,
             guint64    n)
{
  guint64 room = bp_series_room_at (&self->history.params[0], epoch0 + chunk->n);
  guint64 want = MIN (n - chunk->n, room);
  guint64 ran;

  ran = bp_network_train_ahead (&chunk->params, self->train, self->test,
                                self->config.learning_rate, want, self->config.target_loss,
                                chunk->loss + chunk->n, chunk->test_loss + chunk->n,
                                &chunk->ahead);
  chunk->n += ran;
  chunk->reached = chunk->loss[chunk->n - 1] < self->config.target_loss &&
                   bp_params_all_finite (&chunk->params);
  chunk->diverged = !chunk->reached &&
                    (ran < want || !isfinite (chunk->loss[chunk->n - 1]) ||
                     !bp_params_all_finite (&chunk->params));
  take_sample (self, chunk);
}

/* @epoch0: the epochs done before this chunk. */
static void
run_chunk (BpTrainer *self,
           Chunk     *chunk,
           guint64    epoch0,
           guint64    n)
{
  chunk->n = 0;
  chunk->n_samples = 0;
  chunk->diverged = FALSE;
  chunk->reached = FALSE;
  while (chunk->n < n && chunk->n_samples < MAX_SAMPLES && !chunk->diverged && !chunk->reached)
    run_segment (self, chunk, epoch0, n);
}

/* A diverged run's last sample may not be finite: it is left out, and
 * the run ends there. */
static void
push_sample (BpSeries *series,
             double    value,
             guint64   epoch)
{
  if (isfinite (value) && epoch > series->count)
    bp_series_push_sample (series, value, epoch - series->count);
}

static void
publish_samples (BpTrainer   *self,
                 const Chunk *chunk)
{
  BpHistory *h = &self->history;
  guint64 epoch0 = self->progress.epoch;

  for (guint s = 0; s < chunk->n_samples; s++)
    {
      const Sample *sample = &chunk->samples[s];

      for (guint j = 0; j < BP_N_PARAMS; j++)
        push_sample (&h->params[j], bp_params_get (&sample->params, j), epoch0 + sample->end);
      for (guint i = 0; i < h->n_people; i++)
        push_sample (&h->predictions[i], sample->predictions[i], epoch0 + sample->end);
    }
}

static void
publish_chunk (BpTrainer   *self,
               const Chunk *chunk)
{
  BpProgress *p = &self->progress;

  for (guint64 i = 0; i < chunk->n; i++)
    {
      if (isfinite (chunk->loss[i]))
        bp_series_push (&self->history.loss, chunk->loss[i]);
      if (self->test != NULL && isfinite (chunk->test_loss[i]))
        bp_series_push (&self->history.test_loss, chunk->test_loss[i]);
    }
  publish_samples (self, chunk);
  if (chunk->n > 0)
    {
      p->loss = chunk->loss[chunk->n - 1];
      p->test_loss = self->test != NULL ? chunk->test_loss[chunk->n - 1] : NAN;
      self->history_version++;
    }
  p->epoch += chunk->n;
  p->params = chunk->params;
  if (chunk->diverged)
    p->state = BP_TRAINER_DIVERGED;
  else if (chunk->reached || p->epoch >= p->epochs)
    p->state = BP_TRAINER_FINISHED;
  p->reached_target = chunk->reached;
  p->version++;
}

/* How many epochs the next chunk may run; 0 means wait. */
static guint64
chunk_size (BpTrainer *self,
            guint64    adaptive)
{
  guint64 left = self->progress.epochs - self->progress.epoch;
  guint64 n = adaptive;

  if (self->paused)
    n = MIN (n, self->steps_wanted);
  else if (self->pace > 0)
    n = MAX (1, (guint64) (self->pace / 60.0));
  return MIN (MIN (n, left), CHUNK_MAX);
}

static gboolean
is_over (BpTrainer *self)
{
  return g_atomic_int_get (&self->stop_flag) ||
         self->progress.state == BP_TRAINER_FINISHED ||
         self->progress.state == BP_TRAINER_DIVERGED;
}

/* Waits while paused with nothing to step.  Called and returns locked;
 * returns FALSE when the worker should end, and sets *@waited when it
 * had to wait. */
static gboolean
wait_for_work (BpTrainer *self,
               gboolean  *waited)
{
  *waited = FALSE;
  while (!is_over (self) && self->paused && self->steps_wanted == 0 && self->samples_wanted == 0)
    {
      self->progress.state = BP_TRAINER_PAUSED;
      *waited = TRUE;
      self->resting = TRUE;
      pthread_cond_wait (&self->cond, &self->lock);
    }
  self->resting = FALSE;
  return !is_over (self);
}

/* Paced runs sleep until the wall clock catches up with the epochs done;
 * a stop, pause or pace change wakes them. */
static void
pace_wait (BpTrainer *self,
           gint64     start,
           guint64    epoch0)
{
  gint64 due;

  if (self->paused || self->pace <= 0)
    return;
  due = start + (gint64) ((self->progress.epoch - epoch0) / self->pace * G_USEC_PER_SEC);
  cond_wait_until (self, due);
}

/* The worker's own CPU time: wall time would count the moments another
 * thread had the core (a learning-rate race runs more workers than
 * cores) and shrink the chunks for nothing. */
static gint64
thread_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static guint64
adapt (guint64 n,
       gint64  elapsed_us)
{
  if (elapsed_us < CHUNK_TARGET_US / 2)
    return MIN (n * 2, CHUNK_MAX);
  if (elapsed_us > CHUNK_TARGET_US * 2)
    return MAX (n / 2, CHUNK_MIN);
  return n;
}

/* Where pacing counts from: reset after every pause or change of pace,
 * so a paced run resumes at its pace instead of catching up. */
typedef struct
{
  double  pace;
  gint64  start;
  guint64 epoch0;
} PaceClock;

static void
pace_clock_update (BpTrainer *self,
                   PaceClock *clock,
                   gboolean   waited)
{
  if (!waited && !self->paused && clock->pace == self->pace)
    return;
  clock->pace = self->pace;
  clock->start = g_get_monotonic_time ();
  clock->epoch0 = self->progress.epoch;
}

/* Runs one chunk with the lock released; returns locked. */
static void
train_chunk (BpTrainer *self,
             Chunk     *chunk,
             guint64   *adaptive)
{
  gboolean stepping = self->paused;
  guint64 n = chunk_size (self, *adaptive);
  guint64 epoch0 = self->progress.epoch;
  gint64 t0;

  chunk->params = self->progress.params;
  if (!stepping)
    self->progress.state = BP_TRAINER_RUNNING;
  pthread_mutex_unlock (&self->lock);
  t0 = thread_time_us ();
  run_chunk (self, chunk, epoch0, n);
  *adaptive = adapt (*adaptive, thread_time_us () - t0);
  pthread_mutex_lock (&self->lock);
  /* Only epochs run as steps count against the steps asked for. */
  if (stepping)
    self->steps_wanted -= MIN (self->steps_wanted, chunk->n);
  publish_chunk (self, chunk);
}

/* An epoch finished person by person: recorded as a chunk records it. */
static void
end_epoch (BpTrainer *self)
{
  BpProgress *p = &self->progress;
  BpHistory *h = &self->history;

  p->epoch++;
  p->loss = bp_network_loss (&p->params, self->train);
  p->test_loss = self->test != NULL ? bp_network_loss (&p->params, self->test) : NAN;
  if (isfinite (p->loss))
    bp_series_push (&h->loss, p->loss);
  if (self->test != NULL && isfinite (p->test_loss))
    bp_series_push (&h->test_loss, p->test_loss);
  for (guint j = 0; j < BP_N_PARAMS; j++)
    push_sample (&h->params[j], bp_params_get (&p->params, j), p->epoch);
  for (guint i = 0; i < h->n_people; i++)
    push_sample (&h->predictions[i],
                 bp_network_feedforward (&p->params, self->train->x0[i], self->train->x1[i]),
                 p->epoch);
  self->history_version++;
  p->reached_target = p->loss < self->config.target_loss;
  if (!isfinite (p->loss))
    p->state = BP_TRAINER_DIVERGED;
  else if (p->reached_target || p->epoch >= p->epochs)
    p->state = BP_TRAINER_FINISHED;
}

/* One SGD step on the next person, for bp_trainer_step_sample(), or to
 * finish an epoch such steps began before whole epochs run again: an
 * epoch asked for mid-epoch is the rest of that one.  It runs locked, as
 * one step is cheaper than taking the lock again. */
static void
train_sample (BpTrainer *self)
{
  BpProgress *p = &self->progress;
  const BpDataset *d = self->train;
  gboolean asked = self->samples_wanted > 0;
  guint i = p->sample;

  if (asked)
    self->samples_wanted--;
  else if (!self->paused)
    p->state = BP_TRAINER_RUNNING;
  bp_network_step (&p->params, d->x0[i], d->x1[i], d->y[i], self->config.learning_rate);
  p->sample = (i + 1) % d->n;
  if (!bp_params_all_finite (&p->params))
    p->state = BP_TRAINER_DIVERGED;
  else if (p->sample == 0)
    {
      end_epoch (self);
      if (!asked && self->paused)
        self->steps_wanted -= MIN (self->steps_wanted, 1);
    }
  p->version++;
}

/* The class watches the window, not the worker: the threads that draw
 * frames (the app's, the compositor's, a software renderer's) come
 * first.  On Linux the worker is a SCHED_IDLE thread, which runs on the
 * cycles nothing else wants: at nice 10 it still took a tenth of a core
 * from a software renderer's frame on two cores.  Both need no
 * privilege; the niceness stays as the fallback. */
static void
yield_to_the_ui (void)
{
#ifdef __linux__
  struct sched_param param = { 0 };

  if (pthread_setschedparam (pthread_self (), SCHED_IDLE, &param) != 0)
    setpriority (PRIO_PROCESS, (id_t) gettid (), 10);
#endif
}

static gpointer
worker (gpointer data)
{
  BpTrainer *self = data;
  g_autofree Chunk *chunk = g_new0 (Chunk, 1);
  PaceClock clock = { -1, 0, 0 };
  guint64 adaptive = 64;
  gboolean waited;

  yield_to_the_ui ();
  pthread_mutex_lock (&self->lock);
  while (wait_for_work (self, &waited))
    {
      pace_clock_update (self, &clock, waited);
      if (self->samples_wanted > 0 || self->progress.sample > 0)
        train_sample (self);
      else
        train_chunk (self, chunk, &adaptive);
      pace_wait (self, clock.start, clock.epoch0);
    }
  if (g_atomic_int_get (&self->stop_flag) && !bp_trainer_state_is_done (self->progress.state))
    self->progress.state = BP_TRAINER_STOPPED;
  self->progress.version++;
  pthread_cond_broadcast (&self->cond);
  pthread_mutex_unlock (&self->lock);
  return NULL;
}

void
bp_trainer_start (BpTrainer *self,
                  gboolean   paused)
{
  g_return_if_fail (self->thread == NULL);

  pthread_mutex_lock (&self->lock);
  self->paused = paused;
  self->progress.state = paused ? BP_TRAINER_PAUSED : BP_TRAINER_RUNNING;
  if (self->progress.epochs == 0)
    self->progress.state = BP_TRAINER_FINISHED;
  self->progress.version++;
  pthread_mutex_unlock (&self->lock);
  self->thread = g_thread_new ("backprop-trainer", worker, self);
}

void
bp_trainer_pause (BpTrainer *self)
{
  pthread_mutex_lock (&self->lock);
  self->paused = TRUE;
  self->steps_wanted = 0;
  self->samples_wanted = 0;
  if (self->progress.state == BP_TRAINER_RUNNING)
    self->progress.state = BP_TRAINER_PAUSED;
  self->progress.version++;
  pthread_cond_broadcast (&self->cond);
  pthread_mutex_unlock (&self->lock);
}

void
bp_trainer_resume (BpTrainer *self)
{
  pthread_mutex_lock (&self->lock);
  self->paused = FALSE;
  if (self->progress.state == BP_TRAINER_PAUSED)
    self->progress.state = BP_TRAINER_RUNNING;
  self->progress.version++;
  pthread_cond_broadcast (&self->cond);
  pthread_mutex_unlock (&self->lock);
}

/* Whether the worker has come to rest after a pause: the chunk it was
 * in has ended and published, and nothing moves until a step, a resume
 * or a stop.  A paused trainer's progress is final only then. */
gboolean
bp_trainer_is_resting (BpTrainer *self)
{
  gboolean resting;

  pthread_mutex_lock (&self->lock);
  /* Not yet woken by a step or a resume asked for since it parked. */
  resting = self->resting && self->paused && self->steps_wanted == 0 &&
            self->samples_wanted == 0;
  pthread_mutex_unlock (&self->lock);
  return resting;
}

/* While paused: run exactly @epochs more epochs, then pause again. */
void
bp_trainer_step (BpTrainer *self,
                 guint64    epochs)
{
  pthread_mutex_lock (&self->lock);
  if (self->paused)
    self->steps_wanted += epochs;
  pthread_cond_broadcast (&self->cond);
  pthread_mutex_unlock (&self->lock);
}

/* While paused: one SGD step on the next person, then pause again (see
 * train_sample()). */
void
bp_trainer_step_sample (BpTrainer *self)
{
  pthread_mutex_lock (&self->lock);
  if (self->paused)
    self->samples_wanted++;
  pthread_cond_broadcast (&self->cond);
  pthread_mutex_unlock (&self->lock);
}

/* Returns once the worker has ended: no epoch runs after this. */
void
bp_trainer_stop (BpTrainer *self)
{
  g_atomic_int_set (&self->stop_flag, 1);
  pthread_mutex_lock (&self->lock);
  pthread_cond_broadcast (&self->cond);
  pthread_mutex_unlock (&self->lock);
  if (self->thread != NULL)
    g_clear_pointer (&self->thread, g_thread_join);
  else if (!bp_trainer_state_is_done (self->progress.state))
    self->progress.state = BP_TRAINER_STOPPED;
}

void
bp_trainer_set_pace (BpTrainer *self,
                     double     epochs_per_second)
{
  pthread_mutex_lock (&self->lock);
  self->pace = epochs_per_second;
  pthread_cond_broadcast (&self->cond);
  pthread_mutex_unlock (&self->lock);
}

void
bp_trainer_get_progress (BpTrainer  *self,
                         BpProgress *progress)
{
  pthread_mutex_lock (&self->lock);
  *progress = self->progress;
  pthread_mutex_unlock (&self->lock);
}

/* Copies the history into @dest (initialised with bp_history_init) unless
 * *@version says the caller has it already; returns whether it copied. */
gboolean
bp_trainer_copy_history (BpTrainer *self,
                         BpHistory *dest,
                         guint64   *version)
{
  gboolean changed;

  pthread_mutex_lock (&self->lock);
  changed = version == NULL || *version != self->history_version;
  if (changed)
    {
      bp_history_copy (dest, &self->history);
      if (version != NULL)
        *version = self->history_version;
    }
  pthread_mutex_unlock (&self->lock);
  return changed;
}

/* What a window reads of a run once a frame, and of each lane of a race:
 * the progress into @progress unless its version is the one there, and
 * then the history into @history (initialised) when *@history_version
 * says it changed.  A reader starts with both versions at G_MAXUINT64. */
BpTrainerRead
bp_trainer_read (BpTrainer  *self,
                 BpProgress *progress,
                 BpHistory  *history,
                 guint64    *history_version)
{
  BpTrainerRead read = BP_TRAINER_READ_NOTHING;
  BpProgress p;

  bp_trainer_get_progress (self, &p);
  if (p.version == progress->version)
    return read;
  *progress = p;
  read |= BP_TRAINER_READ_PROGRESS;
  if (bp_trainer_copy_history (self, history, history_version))
    read |= BP_TRAINER_READ_HISTORY;
  return read;
}

/* Waits until the run is finished, stopped or diverged, at most
 * @timeout_us (negative: forever).  For tests and the CLI. */
gboolean
bp_trainer_wait (BpTrainer *self,
                 gint64     timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;
  gboolean done;

  pthread_mutex_lock (&self->lock);
  while (!(done = bp_trainer_state_is_done (self->progress.state)))
    if (timeout_us < 0)
      pthread_cond_wait (&self->cond, &self->lock);
    else if (!cond_wait_until (self, deadline))
      {
        done = bp_trainer_state_is_done (self->progress.state);
        break;
      }
  pthread_mutex_unlock (&self->lock);
  return done;
}

const char *
bp_trainer_state_to_string (BpTrainerState state)
{
  static const char * const names[] = {
    "idle", "running", "paused", "finished", "stopped", "diverged",
  };

  g_return_val_if_fail (state <= BP_TRAINER_DIVERGED, NULL);
  return names[state];
}

gboolean
bp_trainer_state_is_done (BpTrainerState state)
{
  return state == BP_TRAINER_FINISHED || state == BP_TRAINER_STOPPED ||
         state == BP_TRAINER_DIVERGED;
}
