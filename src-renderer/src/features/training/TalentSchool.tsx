import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { activityStatusLabels } from '../../../../src-shared/domain/meetings';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { TextAreaField, TextField } from '../../components/Field';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { formatDateTime } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import '../../styles/groups.css';

export function TalentSchool() {
  const courses = useApiQuery('training.courses', {});
  const canWrite = useCan('training.write');
  return (
    <>
      <PageHeader
        title="Talent School"
        subtitle="Courses for involved customers: at least one a month."
      />
      {courses.error ? <Notice tone="error">{errorMessage(courses.error)}</Notice> : null}
      {!courses.data ? (
        <Loading what="Loading courses" />
      ) : (
        <div className="panel">
          <table className="table">
            <caption className="visually-hidden">Courses</caption>
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col">Provider</th>
                <th scope="col" className="num">
                  Sessions
                </th>
              </tr>
            </thead>
            <tbody>
              {courses.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/training/${c.id}`}>{c.name}</Link>
                  </th>
                  <td>{c.provider}</td>
                  <td className="num">{c.sessions}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {courses.data.length === 0 ? <p className="muted">No courses yet.</p> : null}
        </div>
      )}
      {canWrite ? <NewCourse /> : null}
    </>
  );
}

function NewCourse() {
  const [name, setName] = useState('');
  const [provider, setProvider] = useState('');
  const [description, setDescription] = useState('');
  const guard = useUnsavedChanges(
    [name, provider, description].some((v) => v.trim() !== ''),
    'the new course',
  );
  const save = useApiMutation('training.saveCourse', {
    onSuccess: () => {
      setName('');
      setProvider('');
      setDescription('');
    },
  });
  const errors = save.error ? fieldErrors(save.error) : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ name, provider, description });
  }
  return (
    <form
      {...guard.formProps}
      className="panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="new-course-heading"
    >
      <h2 id="new-course-heading">Add a course</h2>
      <div className="form-grid">
        <TextField
          id="course-name"
          label="Course name"
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id="course-provider"
          label="Provider"
          value={provider}
          onChange={(e) => setProvider(e.target.value)}
        />
      </div>
      <TextAreaField
        id="course-description"
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        Add course
      </button>
    </form>
  );
}

export function CoursePage() {
  const { id = '' } = useParams();
  const detail = useApiQuery('training.course', { id });
  const canSchedule = useCan('meetings.write');
  if (detail.error && !detail.data)
    return <Notice tone="error">{errorMessage(detail.error)}</Notice>;
  if (!detail.data) return <Loading what="Loading the course" />;
  const { course, sessions } = detail.data;
  return (
    <>
      <PageHeader
        title={course.name}
        subtitle={course.provider ? `Delivered by ${course.provider}` : undefined}
        actions={
          canSchedule ? (
            <Link className="button" to={`/activities/new?courseId=${course.id}`}>
              Schedule a session
            </Link>
          ) : null
        }
      />
      <section className="panel">
        {course.description ? <p className="preserve-lines">{course.description}</p> : null}
        <h2>Sessions</h2>
        {sessions.length === 0 ? (
          <p className="muted">No sessions yet.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Sessions</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Session</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Attended
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>{formatDateTime(s.startsAt)}</td>
                  <td>
                    <Link to={`/activities/${s.id}`}>{s.title}</Link>
                  </td>
                  <td>{activityStatusLabels[s.status]}</td>
                  <td className="num">{s.present}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
