import { RATING_GRADES, type RatingGrade } from '@lobbyflow/contracts';
import { IsIn } from 'class-validator';

export class RateVisitDto {
  /** `satisfied`, `basically-satisfied` or `dissatisfied`. */
  @IsIn(RATING_GRADES)
  grade!: RatingGrade;
}
