import { cn } from './cn';

export function Card({ className, ...props }: React.ComponentProps<'section'>) {
  return <section className={cn('rounded-lg border border-border bg-surface p-4 shadow-sm', className)} {...props} />;
}
