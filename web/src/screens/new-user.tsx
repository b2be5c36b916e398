import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { components } from '../api/schema';
import { useApp } from '../app-context';
import {
  formFieldOf,
  newUserProblems,
  ROLE_NAMES,
  rolesFor,
  type NewUserValues,
  type Role,
} from '../administration/administration';
import type { Me } from '../reference-data';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { controlId, ErrorMessages, Field } from '../ui/fields';
import { Page } from '../ui/page';
import { useFormProblems } from '../ui/form-problems';

type CreatedUser = components['schemas']['CreatedUserResponse'];

/**
 * "Create a user" (POST /users): user id, name, email and roles, the roles those the organisation
 * may hold. The answer's temporary password is shown here once (it is kept nowhere else), for the
 * LSO to hand over; the user chooses their own at first sign-in.
 */
export function NewUserScreen({ me }: { me: Me }) {
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<NewUserValues>({ userId: '', displayName: '', email: '', roles: [] });
  const form = useFormProblems();
  const [created, setCreated] = useState<CreatedUser>();
  const create = useMutation({
    mutationFn: (body: NewUserValues) => dataOf(api.POST('/api/v1/users', { body })),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      setCreated(answer);
    },
    onError: (error) => {
      // USER_ID_TAKEN and ROLE_NOT_ALLOWED name no field of their own: they go by the user id and the roles.
      const code = error instanceof ApiProblem ? error.code : undefined;
      if (code === 'USER_ID_TAKEN') form.refusedOn(error, 'userId');
      else if (code === 'ROLE_NOT_ALLOWED' && (error as ApiProblem).errors.length === 0) form.refusedOn(error, 'roles');
      else form.refused(error, (reason) => formFieldOf(reason.field) ?? 'userId');
    },
  });

  if (created) {
    return (
      <Page title="User created">
        <div className="panel" role="status">
          <p>
            <strong>{created.user.displayName}</strong> can now sign in as <strong>{created.user.userId}</strong> with
            this temporary password, and will then choose their own:
          </p>
          <p className="secret" data-temporary-password={created.temporaryPassword}>
            <code>{created.temporaryPassword}</code>
          </p>
          <div className="notice notice--warning">
            <p>
              This is the only time the temporary password is shown. Hand it to them safely, not by the email above.
            </p>
          </div>
        </div>
        <div className="button-group">
          <Link className="button" to={paths.user(created.user.userId)}>
            View {created.user.userId}
          </Link>
          <Link to={paths.users}>Back to users</Link>
        </div>
      </Page>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.checked(newUserProblems(values)))
      create.mutate({
        ...values,
        userId: values.userId.trim(),
        displayName: values.displayName.trim(),
        email: values.email.trim(),
      });
  };
  const errorsOf = form.errorsOf;
  const text = (field: 'userId' | 'displayName' | 'email', autoComplete: string) => (props: object) => (
    <input
      {...props}
      className="input"
      name={field}
      type={field === 'email' ? 'email' : 'text'}
      autoComplete={autoComplete}
      spellCheck={false}
      value={values[field]}
      onChange={(event) => setValues({ ...values, [field]: event.target.value })}
    />
  );
  const toggle = (role: Role, on: boolean) =>
    setValues({ ...values, roles: on ? [...values.roles, role] : values.roles.filter((held) => held !== role) });

  return (
    <div className="narrow">
      <Page title="Create a user" lede={`A person of ${me.organisation.name} who will sign in to CMS.`}>
        {form.summary}
        <form onSubmit={submit} noValidate>
          <Field
            field="userId"
            label="User id"
            hint="What they sign in with, never changed: 3 to 64 lowercase letters, digits, dots, underscores or hyphens."
            errors={errorsOf('userId')}
          >
            {text('userId', 'off')}
          </Field>
          <Field field="displayName" label="Name" errors={errorsOf('displayName')}>
            {text('displayName', 'off')}
          </Field>
          <Field
            field="email"
            label="Email address"
            hint="Where their password reset links go."
            errors={errorsOf('email')}
          >
            {text('email', 'off')}
          </Field>
          <RoleChoices
            organisationType={me.organisation.type}
            roles={values.roles}
            errors={errorsOf('roles')}
            onToggle={toggle}
          />
          <div className="button-group">
            <button className="button" type="submit" disabled={create.isPending}>
              Create user
            </button>
            <Link to={paths.users}>Cancel</Link>
          </div>
        </form>
      </Page>
    </div>
  );
}

/** The roles an organisation of this type may hold, as checkboxes, each with what it does. */
export function RoleChoices({
  organisationType,
  roles,
  errors,
  onToggle,
}: {
  organisationType: Me['organisation']['type'];
  roles: readonly Role[];
  errors: string[];
  onToggle: (role: Role, on: boolean) => void;
}) {
  const id = controlId('roles');
  return (
    <div className={errors.length > 0 ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={errors.length > 0 ? `${id}-error` : undefined}>
        <legend className="label">Roles</legend>
        <ErrorMessages id={`${id}-error`} errors={errors} />
        <div className="choices choices--stacked">
          {rolesFor(organisationType).map((role, index) => (
            <label className="choice" key={role}>
              <input
                type="checkbox"
                id={index === 0 ? id : `${id}-${role}`}
                name="roles"
                value={role}
                checked={roles.includes(role)}
                onChange={(event) => onToggle(role, event.target.checked)}
              />
              <span>
                {ROLE_NAMES[role].name}
                <span className="hint">{ROLE_NAMES[role].hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
